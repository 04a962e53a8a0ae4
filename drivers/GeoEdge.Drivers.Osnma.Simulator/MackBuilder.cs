using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Builds each satellite's MACK for a subframe from the MAC look-up table: Tag0 and 'S' slots authenticate the
/// satellite itself, 'E' and FLX slots (FLX filled with ADKD 0) another scenario satellite, taken round-robin; with no
/// other satellite an 'E' slot becomes a dummy tag (COP 0, zero NavData, PRN_D of a satellite not in the scenario).
/// Tags and MACSEQ use the key broadcast in the next subframe, slow MAC (ADKD 12) the key 11 subframes on, whatever
/// chain is then in force; the MACK carries the key of its own subframe.
/// </summary>
internal sealed class MackBuilder
{
    private readonly OsnmaScenario _scenario;
    private readonly BroadcastTimeline _timeline;
    private readonly NavigationModel _navigation;
    private readonly int _dummyPrn;

    public MackBuilder(OsnmaScenario scenario, BroadcastTimeline timeline, NavigationModel navigation)
    {
        _scenario = scenario;
        _timeline = timeline;
        _navigation = navigation;
        _dummyPrn = Enumerable.Range(1, GalileoPage.MaxSvid).FirstOrDefault(s => !scenario.Satellites.Contains(s), 36);
    }

    public byte[] Build(int satelliteIndex, GalileoSystemTime subframe, OsnmaNmaStatus nmas)
    {
        var s = _scenario;
        var prnA = s.Satellites[satelliteIndex];
        var tagKey = _timeline.KeyBroadcastAt(subframe.AddSeconds(OsnmaGst.SubframeSeconds)).Span;
        var slowKey = _timeline.KeyBroadcastAt(subframe.AddSeconds(11 * OsnmaGst.SubframeSeconds)).Span;
        var sequence = MacLookupTable.Sequence(s.MacLookupTable, subframe);
        var subframeNumber = (int)((subframe - s.Start) / OsnmaGst.SubframeSeconds);

        var dataSubframe = subframe.AddSeconds(-OsnmaGst.SubframeSeconds);
        var tag0 = OsnmaTagMessage.Tag(s.Mac, tagKey, s.TagBits, null, prnA, subframe, 1, nmas,
            _navigation.NavData(prnA, 0, dataSubframe), InavWordFields.NavDataBits(0));

        var tags = new MackTag[sequence.Count - 1];
        var flexible = new List<MackTagInfo>();
        var crossCount = 0;
        for (var k = 1; k < sequence.Count; k++)
        {
            var slot = sequence[k];
            var adkd = slot.Kind == MacSlotKind.Flexible ? 0 : slot.Adkd;
            int prnD;
            var dummy = false;
            if (slot.Kind == MacSlotKind.Self) prnD = prnA;
            else if (s.Satellites.Count > 1)
            {
                var others = s.Satellites.Count - 1;
                var pick = (subframeNumber + satelliteIndex + crossCount++) % others;
                prnD = s.Satellites[pick >= satelliteIndex ? pick + 1 : pick];
            }
            else
            {
                prnD = _dummyPrn;
                dummy = true;
            }
            var info = new MackTagInfo(prnD, adkd, dummy ? 0 : _navigation.Cop(prnD, subframe));
            var navData = dummy ? new byte[(InavWordFields.NavDataBits(adkd) + 7) / 8] : _navigation.NavData(prnD, adkd, dataSubframe);
            var tag = OsnmaTagMessage.Tag(s.Mac, adkd == 12 ? slowKey : tagKey, s.TagBits, prnD, prnA, subframe, k + 1, nmas,
                navData, InavWordFields.NavDataBits(adkd));
            tags[k - 1] = new MackTag(tag, info);
            if (slot.Kind == MacSlotKind.Flexible) flexible.Add(info);
        }
        var macseq = OsnmaTagMessage.Macseq(s.Mac, tagKey, prnA, subframe, flexible);
        var mack = new MackMessage(tag0, macseq, _navigation.Cop(prnA, subframe), tags, _timeline.KeyBroadcastAt(subframe));
        return mack.Encode(s.TagBits);
    }
}
