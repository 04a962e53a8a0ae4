namespace GeoEdge.Drivers.Serial;

/// <summary>Handles one chunk of bytes read from a serial device; the span is only valid during the call.</summary>
public delegate void SerialBytesHandler(ReadOnlySpan<byte> bytes);

/// <summary>The backoff and poll timing both reconnecting sources share.</summary>
internal readonly record struct ReconnectTiming(TimeSpan InitialBackoff, TimeSpan MaxBackoff, TimeSpan ReadTimeout)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InitialBackoff, TimeSpan.Zero, nameof(InitialBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, InitialBackoff, nameof(MaxBackoff));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReadTimeout, TimeSpan.Zero, nameof(ReadTimeout));
    }
}

/// <summary>
/// The open / read / lose / reopen cycle behind <see cref="ReconnectingSerialLineSource"/> and
/// <see cref="ReconnectingSerialByteSource"/>: runs on the caller's thread until cancelled, closes
/// the port when the device goes, logs why, and reopens with exponential backoff. Device errors are
/// never thrown; an exception from a handler is (it is a bug in the consumer, not the device).
/// </summary>
internal sealed class SerialReconnectLoop
{
    private readonly ReconnectTiming _timing;
    private readonly Action<string> _log;
    private long _bytes;
    private long _reconnects;
    private volatile bool _connected;

    internal SerialReconnectLoop(string devicePath, int baudRate, ReconnectTiming timing, Action<string>? log)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        Native.BaudRates.ToSpeed(baudRate); // reject an impossible rate now, not at every retry
        timing.Validate();
        DevicePath = devicePath;
        BaudRate = baudRate;
        _timing = timing;
        _log = log ?? (_ => { });
    }

    internal string DevicePath { get; }
    internal int BaudRate { get; }
    internal bool IsConnected => _connected;
    internal long BytesRead => Interlocked.Read(ref _bytes);
    internal long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>
    /// Reads until <paramref name="ct"/> is cancelled, then returns. <paramref name="onOpened"/> runs after
    /// every open, before that connection's first bytes: what was half-received before belongs to another stream.
    /// </summary>
    internal void Run(Action onOpened, SerialBytesHandler onBytes, CancellationToken ct)
    {
        try
        {
            var buffer = new byte[4096];
            var openedBefore = false;
            while (OpenWithBackoff(ct) is { } port)
            {
                using (port)
                {
                    if (openedBefore) Interlocked.Increment(ref _reconnects);
                    openedBefore = true;
                    onOpened();
                    _connected = true;
                    _log($"{DevicePath}: opened at {BaudRate} baud");
                    if (!Pump(port, buffer, onBytes, ct)) return;
                }
                // A device that vanishes right after opening must not be reopened in a tight loop.
                if (ct.WaitHandle.WaitOne(_timing.InitialBackoff)) return;
            }
        }
        finally
        {
            _connected = false;
        }
    }

    /// <summary>Reads until the device goes (returns true: reopen) or cancellation (returns false).</summary>
    private bool Pump(SerialPort port, byte[] buffer, SerialBytesHandler onBytes, CancellationToken ct)
    {
        while (true)
        {
            int count;
            try
            {
                count = port.Read(buffer, _timing.ReadTimeout, ct);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (SerialPortException e)
            {
                _connected = false;
                _log($"{DevicePath}: lost ({e.Message}); closing and reopening");
                return true;
            }
            if (count == 0) continue;
            Interlocked.Add(ref _bytes, count);
            onBytes(buffer.AsSpan(0, count));
        }
    }

    /// <summary>Opens the device, waiting with exponential backoff while it is missing; null when cancelled.</summary>
    private SerialPort? OpenWithBackoff(CancellationToken ct)
    {
        var backoff = _timing.InitialBackoff;
        int? lastLoggedErrno = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                return SerialPort.Open(DevicePath, BaudRate);
            }
            catch (SerialPortException e)
            {
                // Log a failure once, and again only when its cause changes: a receiver unplugged
                // for a day must not write 40,000 identical lines.
                if (lastLoggedErrno != e.Errno) _log($"{DevicePath}: cannot open ({e.Message}); retrying up to every {_timing.MaxBackoff.TotalSeconds:0.#} s");
                lastLoggedErrno = e.Errno;
            }
            if (ct.WaitHandle.WaitOne(backoff)) break;
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _timing.MaxBackoff.Ticks));
        }
        return null;
    }
}
