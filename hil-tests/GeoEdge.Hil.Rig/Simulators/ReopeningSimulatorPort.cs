using GeoEdge.Drivers.Serial;

namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// The simulator's end of a pty pair, opened lazily and reopened after the pair restarts, like a
/// receiver that never stops talking. Writes never block longer than <see cref="WriteTimeout"/>:
/// a reader that does not read costs the message, not the simulator's timing. One writing thread.
/// </summary>
internal sealed class ReopeningSimulatorPort(string devicePath, int baudRate, TimeSpan writeTimeout, string name, Action<string> log) : IDisposable
{
    private SerialPort? _port;
    private bool _wasOpen;
    private long _reopens;

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
            log($"{name}: {e.Message}; reopening");
            _port!.Dispose();
            _port = null;
            return false;
        }
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
        log($"{name}: writing to {devicePath}");
        return true;
    }

    public void Dispose()
    {
        _port?.Dispose();
        _port = null;
    }
}
