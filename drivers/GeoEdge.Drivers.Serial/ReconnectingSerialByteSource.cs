namespace GeoEdge.Drivers.Serial;

/// <summary>
/// Hands every byte read from a serial device to a handler, surviving the device disappearing like
/// <see cref="ReconnectingSerialLineSource"/>, but without cutting the stream into lines: binary
/// protocols (UBX, possibly mixed with NMEA) need the bytes as they came. The handler runs on a
/// dedicated reading thread; there is no queue, so a slow handler slows reading and the device's
/// own buffer overflows, as with a real UART. One run at a time; counters may be read from any thread.
/// </summary>
public sealed class ReconnectingSerialByteSource
{
    private readonly SerialReconnectLoop _loop;
    private int _running;

    public ReconnectingSerialByteSource(string devicePath, int baudRate, Action<string>? log = null, SerialByteSourceOptions? options = null)
    {
        _loop = new SerialReconnectLoop(devicePath, baudRate, (options ?? new SerialByteSourceOptions()).Timing, log);
    }

    public string DevicePath => _loop.DevicePath;
    public int BaudRate => _loop.BaudRate;
    public bool IsConnected => _loop.IsConnected;
    public long BytesRead => _loop.BytesRead;

    /// <summary>Times the device was opened again after having been open before.</summary>
    public long Reconnects => _loop.Reconnects;

    /// <summary>
    /// Reads on a thread of its own until <paramref name="ct"/> is cancelled; the task then ends with
    /// <see cref="OperationCanceledException"/>. Device errors are logged and retried, never thrown;
    /// an exception from <paramref name="onBytes"/> or <paramref name="onConnected"/> stops reading and
    /// faults the task. <paramref name="onConnected"/> runs on every (re)open, before that connection's bytes.
    /// </summary>
    public Task RunAsync(SerialBytesHandler onBytes, Action? onConnected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onBytes);
        if (Interlocked.Exchange(ref _running, 1) != 0)
            throw new InvalidOperationException($"{DevicePath} is already being read; one run at a time");
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = new Thread(() =>
        {
            Exception? failure = null;
            try
            {
                _loop.Run(onConnected ?? (() => { }), onBytes, ct);
            }
            catch (Exception e)
            {
                failure = e;
            }
            // Free the source before the awaiting caller can see the task end and run it again.
            Volatile.Write(ref _running, 0);
            if (failure is null) finished.TrySetCanceled(ct);
            else finished.TrySetException(failure);
        }) { IsBackground = true, Name = $"serial {DevicePath}" };
        reader.Start();
        return finished.Task;
    }
}
