using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma.Messages;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>The mutable counters behind <see cref="OsnmaCounters"/>.</summary>
internal sealed class CounterSet
{
    public long Pages, CrcFailures, TagsAuthenticated, TagsFailed, NavDataAuthenticated, KrootVerified, KrootFailed;
    public long PublicKeysVerified, PublicKeysFailed, MacseqFailed, TeslaKeysVerified, TeslaKeysFailed, DummyTagsVerified;
    public long DistinctNavDataAuthenticated, TagsWithoutNavData, TagsWithoutTrustedTime, TagsUntimely, TagsDontUse;
    public long IgnoredPages, MalformedPages, IncompleteSubframes, InvalidHeaders, DsmBlocksRejected, DsmRejected;
    public GalileoSystemTime? FirstPage, FirstAuthenticated;
    public int SubframesOperational, SubframesTest, SubframesDontUse;
    private long _lastCountedSubframe = -1;

    /// <summary>Counts a subframe once, by the NMAS of the first valid header seen for it.</summary>
    public void CountSubframe(long gst, OsnmaNmaStatus nmas)
    {
        if (gst <= _lastCountedSubframe) return;
        _lastCountedSubframe = gst;
        switch (nmas)
        {
            case OsnmaNmaStatus.Operational: SubframesOperational++; break;
            case OsnmaNmaStatus.Test: SubframesTest++; break;
            case OsnmaNmaStatus.DontUse: SubframesDontUse++; break;
        }
    }

    public OsnmaCounters Snapshot() => new(Pages, CrcFailures, TagsAuthenticated, TagsFailed, NavDataAuthenticated,
        KrootVerified, KrootFailed, PublicKeysVerified, PublicKeysFailed, MacseqFailed, TeslaKeysVerified, TeslaKeysFailed,
        DummyTagsVerified, DistinctNavDataAuthenticated, TagsWithoutNavData, TagsWithoutTrustedTime, TagsUntimely, TagsDontUse,
        IgnoredPages, MalformedPages, IncompleteSubframes, InvalidHeaders, DsmBlocksRejected, DsmRejected,
        FirstPage, FirstAuthenticated, SubframesOperational, SubframesTest, SubframesDontUse);
}
