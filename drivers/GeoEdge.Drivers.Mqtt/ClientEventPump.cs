using System.Threading.Channels;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>
/// Runs user event handlers (ConnectionChanged, Log) one at a time, in the order the network thread
/// posted them, on a thread-pool task: never on libmosquitto's network thread, where a slow handler
/// would stall keep-alives and a throwing one would unwind into native code. A handler's exception
/// is caught and reported, never allowed to end the process.
/// </summary>
internal sealed class ClientEventPump
{
    private readonly Channel<(Action Call, bool ReportFailure)> _events = Channel.CreateUnbounded<(Action, bool)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<Exception> _handlerFailed;
    private readonly Task _pump;

    public ClientEventPump(Action<Exception> handlerFailed)
    {
        _handlerFailed = handlerFailed;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Queues a handler call; its exception is reported through the failure callback.</summary>
    public void Post(Action handlerCall) => _events.Writer.TryWrite((handlerCall, true));

    /// <summary>Queues a call of the Log handler itself, whose exception is swallowed: reporting it
    /// would go back to the same handler and never end.</summary>
    public void PostLog(Action logCall) => _events.Writer.TryWrite((logCall, false));

    public Task CompleteAsync()
    {
        _events.Writer.TryComplete();
        return _pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var (handlerCall, reportFailure) in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                handlerCall();
            }
            catch (Exception e) when (reportFailure)
            {
                try { _handlerFailed(e); }
                catch (Exception) { /* the failure report itself failed: nothing is left to tell */ }
            }
            catch (Exception) { /* a Log handler failed; see PostLog */ }
        }
    }
}
