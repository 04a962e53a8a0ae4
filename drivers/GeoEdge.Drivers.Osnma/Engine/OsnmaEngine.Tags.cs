using GeoEdge.Drivers.Osnma.Messages;
using GeoEdge.Drivers.Osnma.Navigation;
using GeoEdge.Drivers.Osnma.Tesla;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>TESLA key verification and MACK processing: MACSEQ, the MAC look-up table, tags, accumulation.</summary>
internal sealed partial class OsnmaEngine
{
    /// <summary>Key for ADKD 0 and 4 tags: the next subframe's; for ADKD 12 (slow MAC): 11 subframes later.</summary>
    private const int FastKeyDelay = 30;
    private const int SlowKeyDelay = 330;

    /// <summary>Verifies whatever became verifiable: keys of stored subframes, then the tags those keys open.</summary>
    private void Progress()
    {
        foreach (var satellite in Satellites)
            foreach (var subframe in satellite.Subframes)
                if (subframe.Header is not null && !subframe.KeyChecked) CheckKey(subframe);
        foreach (var satellite in Satellites)
            foreach (var subframe in satellite.Subframes)
                if (subframe.Header is not null && !(subframe.FastDone && subframe.SlowDone)) ProcessTags(subframe);
    }

    private void CheckKey(SatelliteSubframe subframe)
    {
        var chain = _chains[subframe.Header!.Value.ChainId];
        if (chain is null) return; // the chain may still be authenticated later
        subframe.KeyChecked = true;
        var key = MackMessage.ReadKey(subframe.Mack, chain.Kroot.TagBits, chain.Kroot.KeyBits, MacLookupTable.TagCount(chain.Kroot.MacLt));
        var result = chain.Verify(key, subframe.Gst, _options.MaxTeslaHashSteps);
        switch (result.Outcome)
        {
            case TeslaKeyOutcome.Verified:
                _counters.TeslaKeysVerified++;
                MaybeSaveTeslaKey(chain);
                break;
            case TeslaKeyOutcome.Failed:
                _counters.TeslaKeysFailed++;
                Raise(Gst(subframe.Gst), OsnmaEventKinds.TeslaKeyRejected, $"E{subframe.Svid:00} key of chain {chain.ChainId}: {result.Reason}");
                break;
        }
    }

    private void ProcessTags(SatelliteSubframe subframe)
    {
        var header = subframe.Header!.Value;
        var chain = _chains[header.ChainId];
        if (chain is null) return;
        if (subframe.Gst < chain.Gst0)
        {
            subframe.Retire(); // sent under an earlier chain that used the same ID
            return;
        }
        if (!subframe.FastDone)
        {
            var key = chain.VerifiedKey(subframe.Gst + FastKeyDelay);
            if (key is null) return;
            ProcessFastTags(subframe, header, chain, key);
        }
        if (subframe.FastDone && !subframe.SlowDone)
        {
            if (subframe.AcceptedSlots is null)
            {
                subframe.SlowDone = true;
                return;
            }
            var key = chain.VerifiedKey(subframe.Gst + SlowKeyDelay);
            if (key is null) return;
            subframe.SlowDone = true;
            var mack = ParseMack(subframe, chain)!;
            foreach (var tag in mack.Tags)
                if (tag.Adkd == 12 && subframe.AcceptedSlots[tag.Slot]) VerifyTag(subframe, header, chain, key, mack, tag, SlowKeyDelay);
        }
    }

    /// <summary>
    /// Tag0 and the ADKD 0/4 tags, once the next subframe's key is verified. MACSEQ (with that key) authenticates the
    /// Tag-Info of the flexible slots; fixed slots must match the MAC look-up table. A wrong MACSEQ means the MACK is
    /// not what Galileo sent: none of its tags is used.
    /// </summary>
    private void ProcessFastTags(SatelliteSubframe subframe, NmaHeader header, TeslaChain chain, byte[] key)
    {
        subframe.FastDone = true;
        var mack = ParseMack(subframe, chain);
        if (mack is null) return;
        if (header.Status == OsnmaNmaStatus.DontUse)
        {
            _counters.TagsDontUse += mack.Tags.Length;
            return;
        }
        var sequence = MacLookupTable.Sequence(chain.Kroot.MacLt, subframe.Gst);
        if (!TagMessages.VerifyMacseq(chain, key, mack, sequence, subframe.Svid, subframe.Gst))
        {
            _counters.MacseqFailed++;
            Raise(Gst(subframe.Gst), OsnmaEventKinds.MacseqFailed, $"E{subframe.Svid:00}: MACSEQ does not verify; its {mack.Tags.Length} tags are not used");
            return;
        }
        var accepted = new bool[mack.Tags.Length];
        accepted[0] = true;
        for (var k = 1; k < mack.Tags.Length; k++)
        {
            accepted[k] = SlotMatches(sequence[k], mack.Tags[k], subframe.Svid);
            if (!accepted[k])
            {
                _counters.MacseqFailed++;
                Raise(Gst(subframe.Gst), OsnmaEventKinds.MacseqFailed,
                    $"E{subframe.Svid:00} tag {k}: ADKD {mack.Tags[k].Adkd} for E{mack.Tags[k].PrnD:00} is not what MAC look-up table {chain.Kroot.MacLt} allows");
            }
        }
        subframe.AcceptedSlots = accepted;
        foreach (var tag in mack.Tags)
            if (accepted[tag.Slot] && tag.Adkd is 0 or 4) VerifyTag(subframe, header, chain, key, mack, tag, FastKeyDelay);
    }

    private static bool SlotMatches(MacSlot slot, MackTag tag, int prnA)
    {
        if (tag.PrnD is < 1 or > 36) return false;
        if (slot.IsFlex) return tag.Adkd is 0 or 4 or 12;
        return tag.Adkd == slot.Adkd && (slot.Object != MacSlotObject.Self || tag.PrnD == prnA);
    }

    private MackMessage? ParseMack(SatelliteSubframe subframe, TeslaChain chain)
    {
        var kroot = chain.Kroot;
        if (MackMessage.TryParse(subframe.Mack, subframe.Svid, kroot.TagBits, kroot.KeyBits, MacLookupTable.TagCount(kroot.MacLt), out var mack, out var error))
            return mack;
        subframe.Retire();
        Raise(Gst(subframe.Gst), OsnmaEventKinds.MacseqFailed, $"E{subframe.Svid:00}: MACK unreadable with chain {chain.ChainId}: {error}");
        return null;
    }

    /// <summary>
    /// One tag. Time rule ("receipt safety"): a tag is only safe if time the receiver trusts independently of the
    /// signal proves the tag was received before the key that verifies it could be known. That key is broadcast
    /// from the start of the subframe 30 s (ADKD 0/4) or 330 s (ADKD 12) after the tag's, so the trusted upper bound
    /// of the reception time of the page holding the last Tag-Info bit must not exceed that start.
    /// Sources: OSNMA Receiver Guidelines, time synchronisation requirement (receiver GST knowledge within T_L, so
    /// that the subframe of a tag is known to precede its key; gnss-sdr applies T_L to ADKD 0/4 and 10 T_L to
    /// slow MAC); TESLA security condition, RFC 4082 section 3.5; Anderson, Lo, Walter, "Time Synchronization of
    /// TESLA-enabled GNSS Receivers" (arXiv 2407.13386), which states the same bound for a GNSS-independent clock.
    /// </summary>
    private void VerifyTag(SatelliteSubframe subframe, NmaHeader header, TeslaChain chain, byte[] key, MackMessage mack, MackTag tag, int keyDelay)
    {
        var receivedBy = subframe.TrustedUpper[(mack.TagSectionBits - 1) / 32];
        if (receivedBy is null)
        {
            _counters.TagsWithoutTrustedTime++;
            return;
        }
        if (receivedBy > subframe.Gst + keyDelay)
        {
            _counters.TagsUntimely++;
            return;
        }
        var navBits = NavDataLayout.BitsFor(tag.Adkd);
        if (tag.Cop == 0)
        {
            // Dummy tag: computed over all-zero navigation data; verifying it checks the key and MACK, it authenticates nothing.
            if (TagMessages.VerifyTag(chain, key, tag, subframe.Svid, subframe.Gst, header.Status, new byte[(navBits + 7) / 8], navBits))
                _counters.DummyTagsVerified++;
            else TagFailed(subframe, tag, "dummy tag", subframe.Svid);
            return;
        }
        // Tags in subframe i cover the data as it stood at the end of subframe i-1; COP: all its words were
        // received within the last COP subframes (galileo-osnma's reading; OSNMAlib's is equivalent).
        var source = _satellites[tag.PrnD]?.At(subframe.Gst - 30);
        var nav = source?.Nav ?? NavSnapshot.Empty;
        var (data, age) = tag.Adkd == 4 ? (nav.Timing, nav.TimingMaxAge) : (nav.Ced, nav.CedMaxAge);
        if (data is null || age + 1 > tag.Cop)
        {
            _counters.TagsWithoutNavData++;
            return;
        }
        if (!TagMessages.VerifyTag(chain, key, tag, subframe.Svid, subframe.Gst, header.Status, data, navBits))
        {
            TagFailed(subframe, tag, $"over the navigation data of E{tag.PrnD:00}", tag.PrnD);
            return;
        }
        _counters.TagsAuthenticated++;
        Accumulate(_satellites[tag.PrnD]!, tag.Adkd, data, nav.IodNav, chain, subframe.Gst - 30);
    }

    /// <param name="dataSvid">The satellite whose navigation data the tag covers: the one a failure casts doubt on.</param>
    private void TagFailed(SatelliteSubframe subframe, MackTag tag, string what, int dataSvid)
    {
        _counters.TagsFailed++;
        Raise(Gst(subframe.Gst), OsnmaEventKinds.TagFailed, $"E{subframe.Svid:00} tag {tag.Slot} (ADKD {tag.Adkd}) {what} does not verify", dataSvid);
    }

    private void Accumulate(SatelliteState satellite, int adkd, byte[] data, int iodNav, TeslaChain chain, long dataSubframe)
    {
        var timing = adkd == 4;
        var entry = (timing ? satellite.Timing : satellite.Ced).Add(data, iodNav, chain.Kroot.TagBits, chain.ChainId, ++_sequence);
        var threshold = _options.AuthenticationThresholdBits;
        if (entry.Bits < threshold) return;
        _counters.NavDataAuthenticated++;
        if (entry.Bits - chain.Kroot.TagBits < threshold)
        {
            _counters.DistinctNavDataAuthenticated++;
            Raise(Now, OsnmaEventKinds.NavDataAuthenticated, timing
                ? $"E{satellite.Svid:00} timing data (ADKD 4) authenticated"
                : $"E{satellite.Svid:00} ephemeris, clock and status (IODnav {iodNav}) authenticated");
        }
        if (timing)
        {
            satellite.TimingAuthenticatedAt = Now;
            return;
        }
        if (satellite.AuthenticatedDataSubframe > dataSubframe) return; // a late slow-MAC tag over older data
        satellite.AuthenticatedDataSubframe = dataSubframe;
        satellite.NavDataAuthenticatedAt = Now;
        satellite.AuthenticatedCed = data;
        satellite.AuthenticatedIodNav = iodNav;
        satellite.AuthenticatedWithChain = chain.ChainId;
        _counters.FirstAuthenticated ??= Now;
    }
}
