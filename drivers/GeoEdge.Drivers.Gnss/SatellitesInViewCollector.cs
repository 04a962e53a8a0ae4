using GeoEdge.Drivers.Gnss.Nmea;

namespace GeoEdge.Drivers.Gnss;

/// <summary>
/// Reassembles GSV cycles (message 1..N of one talker and signal) into satellite lists. A cycle
/// with a missing or repeated message is dropped whole, never half-applied. Memory is bounded:
/// one pending and one complete list per talker and signal id (8 talkers x 16 signals at most),
/// and a group not refreshed for <see cref="StaleAfterEpochs"/> epochs is forgotten.
/// </summary>
internal sealed class SatellitesInViewCollector
{
    internal const int StaleAfterEpochs = 5;

    private readonly Dictionary<(string Talker, int? Signal), Pending> _pending = [];
    private readonly Dictionary<(string Talker, int? Signal), (long Epoch, SatelliteInView[] Satellites)> _complete = [];

    public IReadOnlyList<SatelliteInView> Current { get; private set; } = [];

    public void Add(Gsv gsv, long epoch)
    {
        var key = (gsv.Talker, gsv.SignalId);
        if (gsv.MessageNumber == 1) _pending[key] = new Pending(gsv.TotalMessages);
        if (!_pending.TryGetValue(key, out var pending)) return;
        if (gsv.TotalMessages != pending.Total || gsv.MessageNumber != pending.Next)
        {
            _pending.Remove(key);
            return;
        }
        foreach (var s in gsv.Satellites)
            pending.Satellites.Add(new SatelliteInView(gsv.Talker, NmeaTalkers.SystemOf(gsv.Talker), gsv.SignalId, s.Prn, s.ElevationDegrees, s.AzimuthDegrees, s.SnrDbHz));
        pending.Next++;
        if (gsv.MessageNumber < gsv.TotalMessages) return;

        _pending.Remove(key);
        _complete[key] = (epoch, pending.Satellites.ToArray());
        Rebuild();
    }

    /// <summary>Forgets groups the receiver stopped reporting (a constellation switched off).</summary>
    public void Prune(long epoch)
    {
        var stale = _complete.Where(g => epoch - g.Value.Epoch > StaleAfterEpochs).Select(g => g.Key).ToArray();
        foreach (var key in stale) _complete.Remove(key);
        if (stale.Length > 0) Rebuild();
    }

    private void Rebuild() => Current = _complete.Values.SelectMany(g => g.Satellites).ToArray();

    private sealed class Pending(int total)
    {
        public int Total { get; } = total;
        public int Next { get; set; } = 1;
        public List<SatelliteInView> Satellites { get; } = [];
    }
}
