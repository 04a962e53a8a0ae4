namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// A simulated device's sending thread: calls a step once per period on a schedule that does not drift,
/// on a thread of its own (a device's timing must not depend on a busy thread pool), until the step says
/// it is done or <see cref="StopAsync"/> is called. A step that throws stops the device and is logged.
/// </summary>
internal sealed class PacedSender(string name, TimeSpan period, Action<string> log)
{
    private CancellationTokenSource? _stop;
    private TaskCompletionSource? _finished;

    /// <summary>True once the run ended, by itself or stopped.</summary>
    public bool IsFinished => _finished?.Task.IsCompleted ?? false;

    /// <param name="step">Sends message n; false ends the run.</param>
    /// <param name="ended">Runs on the sending thread when the run ends, however it ends (release the port).</param>
    public void Start(Func<long, CancellationToken, bool> step, Action ended, CancellationToken ct)
    {
        if (_stop is not null) throw new InvalidOperationException($"the {name} is already running");
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = _stop.Token;
        var finished = _finished;
        new Thread(() => Run(step, ended, token, finished)) { IsBackground = true, Name = name }.Start();
    }

    public async Task StopAsync()
    {
        if (_stop is null || _finished is null) return;
        _stop.Cancel();
        try
        {
            await _finished.Task;
        }
        finally
        {
            _stop.Dispose();
            _stop = null;
        }
    }

    private void Run(Func<long, CancellationToken, bool> step, Action ended, CancellationToken ct, TaskCompletionSource finished)
    {
        try
        {
            var start = DateTime.UtcNow;
            for (long n = 0; ; n++)
            {
                var wait = start + period * n - DateTime.UtcNow;
                if (ct.WaitHandle.WaitOne(wait > TimeSpan.Zero ? wait : TimeSpan.Zero)) break;
                if (!step(n, ct)) break;
            }
            finished.TrySetResult();
        }
        catch (OperationCanceledException)
        {
            finished.TrySetResult();
        }
        catch (Exception e)
        {
            log($"{name} stopped by an unexpected error: {e}");
            finished.TrySetException(e);
        }
        finally
        {
            ended();
        }
    }
}
