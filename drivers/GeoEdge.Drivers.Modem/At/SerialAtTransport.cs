using GeoEdge.Drivers.Serial;

namespace GeoEdge.Drivers.Modem;

/// <summary>
/// An <see cref="IAtTransport"/> on a tty. Lines come from a <see cref="ReconnectingSerialLineSource"/>
/// (it survives the modem re-enumerating on USB); commands go out through a second descriptor of the
/// same device, opened on first write and reopened once when the device went away under it.
/// Opening a port flushes the tty's input queue, so a write waits until the reader has the device
/// open: otherwise the reader's own open could swallow the answer.
/// </summary>
public sealed class SerialAtTransport : IAtTransport, IDisposable
{
    private static readonly TimeSpan ConnectPoll = TimeSpan.FromMilliseconds(10);

    private readonly ReconnectingSerialLineSource _lines;
    private readonly object _writeLock = new();
    private SerialPort? _writer;
    private bool _disposed;

    public SerialAtTransport(string devicePath, int baudRate, SerialLineSourceOptions? options = null, Action<string>? log = null)
    {
        _lines = new ReconnectingSerialLineSource(devicePath, baudRate, log, options);
    }

    public string DevicePath => _lines.DevicePath;
    public int BaudRate => _lines.BaudRate;
    public bool IsConnected => _lines.IsConnected;

    public IAsyncEnumerable<string> ReadLinesAsync(CancellationToken ct) => _lines.ReadLinesAsync(ct);

    /// <exception cref="SerialPortException">The device cannot be opened or written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled, also while waiting for the reader to open the device.</exception>
    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        while (!_lines.IsConnected) await Task.Delay(ConnectPoll, ct).ConfigureAwait(false);
        // SerialPort.Write blocks in poll() slices; keep it off the caller's thread.
        await Task.Run(() => Write(data, ct), ct).ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Write(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                Port().Write(data.Span, ct);
            }
            catch (SerialDeviceGoneException)
            {
                // The device came back under the same path since our last write: reopen once.
                _writer?.Dispose();
                _writer = null;
                Port().Write(data.Span, ct);
            }
        }
    }

    private SerialPort Port() => _writer ??= SerialPort.Open(_lines.DevicePath, _lines.BaudRate);
}
