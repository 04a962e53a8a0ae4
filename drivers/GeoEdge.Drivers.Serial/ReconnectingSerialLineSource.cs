using System.Runtime.CompilerServices;

namespace GeoEdge.Drivers.Serial;

/// <summary>
/// Reads lines from a serial device for as long as the caller wants them, surviving the device
/// disappearing (unplugged, driver reset, pty pair restarted): it closes the port, logs why,
/// retries the open with exponential backoff and resumes. Only one enumeration at a time.
/// The counters may be read from any thread.
/// </summary>
public sealed class ReconnectingSerialLineSource
{
    private readonly SerialLineSourceOptions _options;
    private readonly Action<string> _log;
    private readonly LineAssembler _assembler;
    private int _enumerating;
    private long _bytes;
    private long _lines;
    private long _reconnects;
    private volatile bool _connected;

    public ReconnectingSerialLineSource(string devicePath, int baudRate, Action<string>? log = null, SerialLineSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        Native.BaudRates.ToSpeed(baudRate); // reject an impossible rate now, not at every retry
        _options = options ?? new SerialLineSourceOptions();
        _options.Validate();
        DevicePath = devicePath;
        BaudRate = baudRate;
        _log = log ?? (_ => { });
        _assembler = new LineAssembler(_options.MaxLineLength);
    }

    public string DevicePath { get; }
    public int BaudRate { get; }
    public bool IsConnected => _connected;
    public long BytesRead => Interlocked.Read(ref _bytes);
    public long LinesRead => Interlocked.Read(ref _lines);
    public long OverlongLines => _assembler.OverlongLines;

    /// <summary>Times the device was opened again after having been open before.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>
    /// Yields lines until <paramref name="ct"/> is cancelled, then throws
    /// <see cref="OperationCanceledException"/>. Device errors are logged and retried, never thrown.
    /// </summary>
    public async IAsyncEnumerable<string> ReadLinesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _enumerating, 1) != 0)
            throw new InvalidOperationException($"{DevicePath} is already being read; one enumeration at a time");
        try
        {
            var buffer = new byte[4096];
            var lines = new List<string>();
            var openedBefore = false;
            while (true)
            {
                using (var port = await OpenWithBackoffAsync(ct))
                {
                    if (openedBefore) Interlocked.Increment(ref _reconnects);
                    openedBefore = true;
                    _assembler.Reset();
                    _connected = true;
                    _log($"{DevicePath}: opened at {BaudRate} baud");

                    while (true)
                    {
                        var (count, failure) = await ReadChunkAsync(port, buffer, ct);
                        if (failure is not null)
                        {
                            _connected = false;
                            _log($"{DevicePath}: lost ({failure.Message}); closing and reopening");
                            break;
                        }
                        if (count == 0) continue;
                        Interlocked.Add(ref _bytes, count);
                        _assembler.Feed(buffer.AsSpan(0, count), lines);
                        foreach (var line in lines)
                        {
                            Interlocked.Increment(ref _lines);
                            yield return line;
                        }
                        lines.Clear();
                    }
                }
                // A device that vanishes right after opening must not be reopened in a tight loop.
                await Task.Delay(_options.InitialBackoff, ct);
            }
        }
        finally
        {
            _connected = false;
            Volatile.Write(ref _enumerating, 0);
        }
    }

    private async Task<SerialPort> OpenWithBackoffAsync(CancellationToken ct)
    {
        var backoff = _options.InitialBackoff;
        int? lastLoggedErrno = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return SerialPort.Open(DevicePath, BaudRate);
            }
            catch (SerialPortException e)
            {
                // Log a failure once, and again only when its cause changes: a receiver unplugged
                // for a day must not write 40,000 identical lines.
                if (lastLoggedErrno != e.Errno) _log($"{DevicePath}: cannot open ({e.Message}); retrying up to every {_options.MaxBackoff.TotalSeconds:0.#} s");
                lastLoggedErrno = e.Errno;
            }
            await Task.Delay(backoff, ct);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
        }
    }

    // The read blocks in poll() for at most ReadTimeout, on a pool thread rather than the caller's.
    private Task<(int Count, SerialPortException? Failure)> ReadChunkAsync(SerialPort port, byte[] buffer, CancellationToken ct) =>
        Task.Run(() =>
        {
            try
            {
                return (port.Read(buffer, _options.ReadTimeout, ct), (SerialPortException?)null);
            }
            catch (SerialPortException e)
            {
                return (0, e);
            }
        }, CancellationToken.None);
}
