using GeoEdge.Drivers.Serial;

namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// The simulator's end of a pty pair, opened lazily and reopened after the pair restarts, like a
/// receiver that never stops talking (or a modem whose USB link comes back). Writes never block longer
/// than <see cref="WriteTimeout"/>: a reader that does not read costs the message, not the simulator's
/// timing. Simulators that also listen (a modem answers) read through <see cref="Read"/>. One thread.
/// </summary>
internal sealed class ReopeningSimulatorPort(string devicePath, int baudRate, TimeSpan writeTimeout, string name, Action<string> log) : IDisposable
{
    private SerialPort? _port;
    private bool _wasOpen;
    private long _reopens;
    private bool _openedSinceCheck;

    public TimeSpan WriteTimeout { get; } = writeTimeout;
    public long Reopens => Interlocked.Read(ref _reopens);

    /// <summary>Writes the bytes; false when the pty is down or full (the caller's message is lost, as on a real line).</summary>
    public bool TryWrite(ReadOnlySpan<byte> bytes, CancellationToken ct)
    {
        if (_port is null && !TryOpen()) return false;
        try
        {
            _port!.Write(bytes, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (SerialPortException e)
        {
            Lost(e);
            return false;
        }
    }

    /// <summary>Set when the port was (re)opened since the last call: a reader drops its half-read line.</summary>
    public bool TakeOpened()
    {
        var opened = _openedSinceCheck;
        _openedSinceCheck = false;
        return opened;
    }

    /// <summary>Reads what arrives within <paramref name="timeout"/>; 0 when nothing did or the pty is down (then it waits the timeout).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken ct)
    {
        if (_port is null && !TryOpen())
        {
            ct.WaitHandle.WaitOne(timeout);
            ct.ThrowIfCancellationRequested();
            return 0;
        }
        try
        {
            return _port!.Read(buffer, timeout, ct);
        }
        catch (SerialPortException e)
        {
            Lost(e);
            return 0;
        }
    }

    private void Lost(SerialPortException e)
    {
        log($"{name}: {e.Message}; reopening");
        _port?.Dispose();
        _port = null;
    }

    private bool TryOpen()
    {
        try
        {
            _port = SerialPort.Open(devicePath, baudRate);
        }
        catch (SerialPortException)
        {
            return false; // the pty pair is down; the next write tries again
        }
        _port.WriteTimeout = WriteTimeout;
        if (_wasOpen) Interlocked.Increment(ref _reopens);
        _wasOpen = true;
        _openedSinceCheck = true;
        log($"{name}: serving {devicePath}");
        return true;
    }

    public void Dispose()
    {
        _port?.Dispose();
        _port = null;
    }
}
