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
/// read from any thread. For binary protocols (UBX) use <see cref="ReconnectingSerialByteSource"/>.
/// </summary>
public sealed class ReconnectingSerialLineSource
{
    private readonly SerialLineSourceOptions _options;
    private readonly SerialReconnectLoop _loop;
    private readonly LineAssembler _assembler;
    private int _enumerating;
    private long _lines;
    private long _droppedLines;

    public ReconnectingSerialLineSource(string devicePath, int baudRate, Action<string>? log = null, SerialLineSourceOptions? options = null)
    {
        _options = options ?? new SerialLineSourceOptions();
        _options.Validate();
        _loop = new SerialReconnectLoop(devicePath, baudRate, _options.Timing, log);
        _assembler = new LineAssembler(_options.MaxLineLength);
    }

    public string DevicePath => _loop.DevicePath;
    public int BaudRate => _loop.BaudRate;
    public bool IsConnected => _loop.IsConnected;
    public long BytesRead => _loop.BytesRead;
    public long LinesRead => Interlocked.Read(ref _lines);
    public long OverlongLines => _assembler.OverlongLines;

    /// <summary>Lines dropped because the consumer was <see cref="SerialLineSourceOptions.MaxQueuedLines"/> behind.</summary>
    public long DroppedLines => Interlocked.Read(ref _droppedLines);

    /// <summary>Times the device was opened again after having been open before.</summary>
    public long Reconnects => _loop.Reconnects;

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
            var lines = new List<string>();
            _loop.Run(_assembler.Reset, bytes =>
            {
                _assembler.Feed(bytes, lines);
                foreach (var line in lines)
                {
                    Interlocked.Increment(ref _lines);
                    queue.TryWrite(line); // never fails: a full queue drops its oldest line instead
                }
                lines.Clear();
            }, ct);
        }
        catch (Exception e)
        {
            // Not a device error (those are retried): a bug. The consumer gets it rather than silence.
            queue.TryComplete(e);
        }
        finally
        {
            queue.TryComplete();
            finished.TrySetResult();
        }
    }
}
