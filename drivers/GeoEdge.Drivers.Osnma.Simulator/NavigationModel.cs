using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// The navigation data each satellite sends: an issue (IODnav) that changes every refresh interval, staggered per
/// satellite, so COP and data changes get exercised. Gives the true words, the NavData OSNMA authenticates, the COP
/// of a tag (subframes since that data was first sent, 1..15) and the words as transmitted after tampering.
/// </summary>
internal sealed class NavigationModel
{
    private const int MaxCop = 15;
    private readonly OsnmaScenario _scenario;
    private readonly long _refresh;
    private readonly NavigationTamperingEvent[] _tampering;
    private readonly Dictionary<(int Svid, int Adkd, long Epoch), byte[]> _navData = [];

    public NavigationModel(OsnmaScenario scenario)
    {
        _scenario = scenario;
        _refresh = scenario.NavigationDataRefresh is { } r ? (long)r.TotalSeconds : 0;
        _tampering = scenario.Events.OfType<NavigationTamperingEvent>().ToArray();
    }

    public static int IodNav(int svid, long epoch) => (int)((svid * 37 + epoch) % 1024);

    /// <summary>The word a satellite sends on a page; <paramref name="tampered"/> applies the scenario's tampering.</summary>
    public byte[] Word(int svid, int wordType, GalileoSystemTime subframe, GalileoSystemTime pageStart, bool tampered)
    {
        var epoch = Epoch(svid, subframe);
        var word = SyntheticInavWords.Word(wordType, svid, IodNav(svid, epoch), IssueTime(svid, epoch), pageStart);
        if (tampered) Tamper(word, svid, wordType, subframe);
        return word;
    }

    /// <summary>The true NavData of <paramref name="adkd"/> sent by <paramref name="svid"/> in the subframe at <paramref name="subframe"/>.</summary>
    public byte[] NavData(int svid, int adkd, GalileoSystemTime subframe)
    {
        var epoch = Epoch(svid, subframe);
        var group = adkd == 12 ? 0 : adkd;
        if (_navData.TryGetValue((svid, group, epoch), out var cached)) return cached;
        var words = InavWordFields.Coverage(adkd).Select(c => c.WordType).Distinct()
            .ToDictionary(t => t, t => SyntheticInavWords.Word(t, svid, IodNav(svid, epoch), IssueTime(svid, epoch), subframe));
        var data = AdkdNavData.Extract(adkd, words);
        if (_navData.Count > 4 * OsnmaScenario.MaxSatellites) _navData.Clear();
        _navData[(svid, group, epoch)] = data;
        return data;
    }

    /// <summary>COP of a tag in the subframe at <paramref name="tagSubframe"/> over the data of the subframe before it.</summary>
    public int Cop(int svid, GalileoSystemTime tagSubframe)
    {
        var dataSubframe = tagSubframe.AddSeconds(-OsnmaGst.SubframeSeconds);
        var epoch = Epoch(svid, dataSubframe);
        if (epoch == 0) return MaxCop; // sent since before the scenario began
        var sinceIssue = (tagSubframe - IssueTime(svid, epoch)) / OsnmaGst.SubframeSeconds;
        return (int)Math.Min(MaxCop, sinceIssue);
    }

    private long Offset(int svid) => _refresh == 0 ? 0 : svid * 3 % (_refresh / OsnmaGst.SubframeSeconds) * OsnmaGst.SubframeSeconds;

    private long Epoch(int svid, GalileoSystemTime subframe) =>
        _refresh == 0 ? 0 : (subframe - _scenario.Start + Offset(svid)) / _refresh;

    private GalileoSystemTime IssueTime(int svid, long epoch) =>
        _scenario.Start.AddSeconds(Math.Max(-_scenario.Start.TotalSeconds, epoch * _refresh - Offset(svid)));

    private void Tamper(byte[] word, int svid, int wordType, GalileoSystemTime subframe)
    {
        foreach (var t in _tampering)
        {
            if (subframe < t.At || subframe >= t.End || !t.Svids.Contains(svid)) continue;
            var bit = (t.Target, wordType) switch
            {
                (TamperTarget.Ephemeris, 1) => 30, // first bit of M0
                (TamperTarget.Timing, 6) => 6,     // first bit of A0
                _ => -1,
            };
            if (bit >= 0) word[bit >> 3] ^= (byte)(0x80 >> (bit & 7));
        }
    }
}
