using GeoEdge.Drivers.Serial;

namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// The modem's end of a pty pair, read and written by one thread. Like <see cref="ReopeningSimulatorPort"/> it opens
/// lazily and opens again after the pair restarts (the module stays powered while its USB link goes away); unlike it,
/// it also reads, because a modem answers. Writes never wait longer than the write timeout: a host that does not read
/// loses the response, as on a real line.
/// </summary>
internal sealed class ModemPort(string path, int baudRate, TimeSpan writeTimeout, Action<string> log) : IDisposable
{
    private SerialPort? _port;
    private bool _wasOpen;
    private long _reopens;
    private bool _openedSinceCheck;

    public long Reopens => Interlocked.Read(ref _reopens);

    /// <summary>Set when the port was (re)opened since the last call: the caller drops its half-read line.</summary>
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

    /// <summary>Writes the bytes; false when the pty is down or its queue stayed full (the bytes are lost).</summary>
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

    private bool TryOpen()
    {
        try
        {
            _port = SerialPort.Open(path, baudRate);
        }
        catch (SerialPortException)
        {
            return false; // the pty pair is down; the next read or write tries again
        }
        _port.WriteTimeout = writeTimeout;
        if (_wasOpen) Interlocked.Increment(ref _reopens);
        _wasOpen = true;
        _openedSinceCheck = true;
        log($"modem simulator: serving {path}");
        return true;
    }

    private void Lost(SerialPortException e)
    {
        log($"modem simulator: {e.Message}; reopening");
        _port?.Dispose();
        _port = null;
    }

    public void Dispose()
    {
        _port?.Dispose();
        _port = null;
    }
}
