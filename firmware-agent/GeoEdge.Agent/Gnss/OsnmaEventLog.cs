using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Osnma;

namespace GeoEdge.Agent.Gnss;

/// <summary>
/// Writes the verifier's events to the agent log. Failures are errors; under attack they come once per forged
/// tag, so each kind is written at most once per <see cref="Interval"/> for each satellite it concerns, with a
/// count of the ones held back: the journal stays readable and still names every satellite that fails.
/// </summary>
public sealed class OsnmaEventLog(AgentLog log, TimeProvider? time = null)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<(string Kind, int? Svid), (DateTimeOffset Written, int HeldBack)> _recent = new();

    public void Write(OsnmaEvent e)
    {
        if (e.Kind is OsnmaEventKinds.NavDataAuthenticated) return; // every subframe, for every satellite: counters tell it
        var now = _time.GetUtcNow();
        var heldBack = 0;
        var key = (e.Kind, e.Svid);
        if (_recent.TryGetValue(key, out var last))
        {
            if (now - last.Written < Interval)
            {
                _recent[key] = last with { HeldBack = last.HeldBack + 1 };
                return;
            }
            heldBack = last.HeldBack;
        }
        _recent[key] = (now, 0);
        var line = $"osnma: {e.Kind} {e.Message}{(e.At is { } at ? $" ({at})" : "")}{(heldBack > 0 ? $" [{heldBack} more {e.Kind} in the last {Interval.TotalSeconds:0} s]" : "")}";
        if (IsFailure(e.Kind)) log.Error(line);
        else log.Info(line);
    }

    private static bool IsFailure(string kind) => kind is OsnmaEventKinds.TagFailed or OsnmaEventKinds.KrootRejected
        or OsnmaEventKinds.PublicKeyRejected or OsnmaEventKinds.MacseqFailed or OsnmaEventKinds.TeslaKeyRejected
        or OsnmaEventKinds.AlertMessage or OsnmaEventKinds.StateRejected or OsnmaEventKinds.StateSaveFailed
        or OsnmaEventKinds.AnchorRejected or OsnmaEventKinds.DsmRejected or OsnmaEventKinds.MalformedPage;
}
