using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma.Engine;
using GeoEdge.Drivers.Osnma.State;
using GeoEdge.Drivers.Osnma.Trust;

namespace GeoEdge.Drivers.Osnma;

/// <summary>
/// Galileo OSNMA verification on the receiver side (OSNMA SIS ICD 1.1, Receiver Guidelines): feed it every I/NAV
/// page as it arrives and read which satellites' navigation data is authenticated. Thread-safe: call
/// <see cref="Process"/> from one thread and read the snapshots from any other (one lock). Events are raised
/// outside the lock, on the thread that called <see cref="Process"/> (or the constructor for start-up events).
/// Hostile input never throws from <see cref="Process"/>: it is counted, reported and never authenticated.
/// </summary>
public sealed class OsnmaReceiver
{
    private readonly Lock _lock = new();
    private readonly OsnmaEngine _engine;
    private readonly Action<OsnmaEvent>? _events;

    public OsnmaReceiver(OsnmaTrustAnchors anchors, OsnmaOptions options, ITrustedClock clock, IOsnmaStateStore? store = null, Action<OsnmaEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        _events = events;
        _engine = new OsnmaEngine(anchors, options, clock, store);
        Publish(_engine.TakeEvents());
    }

    /// <summary>Processes one page (E1-B only; other signals are counted and ignored).</summary>
    public void Process(GalileoPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        List<OsnmaEvent> raised;
        lock (_lock)
        {
            _engine.Process(page);
            raised = _engine.TakeEvents();
        }
        Publish(raised);
    }

    /// <summary>A complete DSM that arrived by another path than the HKROOT (tests build DSMs the vectors lack).</summary>
    internal void AcceptDsm(bool isPkr, byte nmaHeader, byte[] dsm)
    {
        List<OsnmaEvent> raised;
        lock (_lock)
        {
            _engine.AcceptDsm(isPkr, nmaHeader, dsm);
            raised = _engine.TakeEvents();
        }
        Publish(raised);
    }

    public OsnmaCounters Counters
    {
        get { lock (_lock) return _engine.Counters; }
    }

    public OsnmaStatusSnapshot Status
    {
        get { lock (_lock) return _engine.Status; }
    }

    public IReadOnlyList<SatelliteAuthentication> Satellites
    {
        get { lock (_lock) return _engine.SatelliteStates; }
    }

    internal OsnmaInternalSizes InternalSizes
    {
        get { lock (_lock) return _engine.InternalSizes; }
    }

    private void Publish(List<OsnmaEvent> raised)
    {
        if (_events is null) return;
        foreach (var e in raised) _events(e);
    }
}
