using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace GeoEdge.Drivers.Serial;

/// <summary>
/// Reads lines from a serial device for as long as the caller wants them, surviving the device
/// disappearing (unplugged, driver reset, pty pair restarted): it closes the port, logs why,
/// retries the open with exponential backoff and resumes. Reading happens on a dedicated thread,
/// not the thread pool, because it spends its life blocked in poll(); lines reach the consumer
/// through a bounded queue that drops the oldest line when the consumer falls behind (stale
/// positions are worth less than fresh ones). Only one enumeration at a time; counters may be
/// read from any thread.
/// </summary>
public sealed class ReconnectingSerialLineSource
{
    private readonly SerialLineSourceOptions _options;
    private readonly Action<string> _log;
    private readonly LineAssembler _assembler;
    private int _enumerating;
    private long _bytes;
    private long _lines;
    private long _droppedLines;
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

    /// <summary>Lines dropped because the consumer was <see cref="SerialLineSourceOptions.MaxQueuedLines"/> behind.</summary>
    public long DroppedLines => Interlocked.Read(ref _droppedLines);

    /// <summary>Times the device was opened again after having been open before.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>
    /// Yields lines until <paramref name="ct"/> is cancelled, then throws
    /// <see cref="OperationCanceledException"/>. Device errors are logged and retried, never thrown.
    /// Ending the enumeration early stops the reader thread and closes the device.
    /// </summary>
    public async IAsyncEnumerable<string> ReadLinesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _enumerating, 1) != 0)
            throw new InvalidOperationException($"{DevicePath} is already being read; one enumeration at a time");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var queue = Channel.CreateBounded<string>(
            new BoundedChannelOptions(_options.MaxQueuedLines) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => Interlocked.Increment(ref _droppedLines));
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new Thread(() => ReadLoop(queue.Writer, finished, stop.Token)) { IsBackground = true, Name = $"serial {DevicePath}" };
        reader.Start();
        try
        {
            await foreach (var line in queue.Reader.ReadAllAsync(ct)) yield return line;
            // The reader thread may close the queue on cancellation before ReadAllAsync looks at the token.
            ct.ThrowIfCancellationRequested();
        }
        finally
        {
            stop.Cancel();
            await finished.Task; // within one poll slice or backoff wait
            Volatile.Write(ref _enumerating, 0);
        }
    }

    private void ReadLoop(ChannelWriter<string> queue, TaskCompletionSource finished, CancellationToken ct)
    {
        try
        {
            var buffer = new byte[4096];
            var lines = new List<string>();
            var openedBefore = false;
            while (OpenWithBackoff(ct) is { } port)
            {
                using (port)
                {
                    if (openedBefore) Interlocked.Increment(ref _reconnects);
                    openedBefore = true;
                    _assembler.Reset();
                    _connected = true;
                    _log($"{DevicePath}: opened at {BaudRate} baud");
                    if (!Pump(port, buffer, lines, queue, ct)) return;
                }
                // A device that vanishes right after opening must not be reopened in a tight loop.
                if (ct.WaitHandle.WaitOne(_options.InitialBackoff)) return;
            }
        }
        catch (Exception e)
        {
            // Not a device error (those are retried): a bug. The consumer gets it rather than silence.
            queue.TryComplete(e);
        }
        finally
        {
            _connected = false;
            queue.TryComplete();
            finished.TrySetResult();
        }
    }

    /// <summary>Reads until the device goes (returns true: reopen) or cancellation (returns false).</summary>
    private bool Pump(SerialPort port, byte[] buffer, List<string> lines, ChannelWriter<string> queue, CancellationToken ct)
    {
        while (true)
        {
            int count;
            try
            {
                count = port.Read(buffer, _options.ReadTimeout, ct);
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
            _assembler.Feed(buffer.AsSpan(0, count), lines);
            foreach (var line in lines)
            {
                Interlocked.Increment(ref _lines);
                queue.TryWrite(line); // never fails: a full queue drops its oldest line instead
            }
            lines.Clear();
        }
    }

    /// <summary>Opens the device, waiting with exponential backoff while it is missing; null when cancelled.</summary>
    private SerialPort? OpenWithBackoff(CancellationToken ct)
    {
        var backoff = _options.InitialBackoff;
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
                if (lastLoggedErrno != e.Errno) _log($"{DevicePath}: cannot open ({e.Message}); retrying up to every {_options.MaxBackoff.TotalSeconds:0.#} s");
                lastLoggedErrno = e.Errno;
            }
            if (ct.WaitHandle.WaitOne(backoff)) break;
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
        }
        return null;
    }
}
