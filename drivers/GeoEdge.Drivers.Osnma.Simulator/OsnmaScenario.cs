using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// What to broadcast: which satellites, from when and for how long, with which cryptographic configuration, and the
/// scripted events. All times are subframe starts (GST TOW a multiple of 30); pages of a subframe start 1 s later, as in
/// the official test vectors. <see cref="Validate"/> names the first thing wrong.
/// </summary>
public sealed record OsnmaScenario
{
    public const int MaxSatellites = 36;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    public required IReadOnlyList<int> Satellites { get; init; }
    public required GalileoSystemTime Start { get; init; }
    public required TimeSpan Duration { get; init; }

    /// <summary>NMAS outside don't-use periods: Test or Operational.</summary>
    public OsnmaNmaStatus Status { get; init; } = OsnmaNmaStatus.Operational;
    public OsnmaPublicKeyType KeyType { get; init; } = OsnmaPublicKeyType.EcdsaP256;
    public OsnmaHashFunction Hash { get; init; } = OsnmaHashFunction.Sha256;
    public OsnmaMacFunction Mac { get; init; } = OsnmaMacFunction.HmacSha256;
    public int KeyBits { get; init; } = 128;
    public int TagBits { get; init; } = 40;
    public int MacLookupTable { get; init; } = 34;
    public int InitialChainId { get; init; }

    /// <summary>How often each satellite's navigation data (IODnav) changes, staggered per satellite; null: never.</summary>
    public TimeSpan? NavigationDataRefresh { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many subframes one DSM stays on the air before the next in the rotation (more if the satellites are too few to send all blocks).</summary>
    public int DsmDwellSubframes { get; init; } = 4;

    public IReadOnlyList<OsnmaScenarioEvent> Events { get; init; } = [];

    public GalileoSystemTime End => Start.AddSeconds((long)Duration.TotalSeconds);

    public void Validate()
    {
        if (Satellites is null || Satellites.Count == 0) throw Invalid("needs at least one satellite");
        if (Satellites.Count > MaxSatellites) throw Invalid($"has more than {MaxSatellites} satellites");
        if (Satellites.Any(s => s is < 1 or > GalileoPage.MaxSvid)) throw Invalid($"satellites are SVID 1..{GalileoPage.MaxSvid}");
        if (Satellites.Distinct().Count() != Satellites.Count) throw Invalid("lists a satellite twice");
        if (!OsnmaGst.IsSubframeStart(Start)) throw Invalid($"starts at {Start}, not a subframe start (TOW % 30 == 0)");
        if (Duration <= TimeSpan.Zero || Duration > MaxDuration || Duration.Ticks % TimeSpan.FromSeconds(30).Ticks != 0)
            throw Invalid($"duration {Duration} must be a positive multiple of 30 s up to {MaxDuration.TotalDays} days");
        if (Status is not (OsnmaNmaStatus.Test or OsnmaNmaStatus.Operational)) throw Invalid("status outside don't-use periods is Test or Operational");
        if (KeyType == OsnmaPublicKeyType.AlertMessage) throw Invalid("the signing key is an ECDSA key");
        if (!OsnmaHash.IsSupported(Hash)) throw Invalid($"{Hash} is not available on this platform");
        Guard(() => OsnmaFieldSizes.KeySizeCode(KeyBits));
        Guard(() => OsnmaFieldSizes.TagSizeCode(TagBits));
        if (Mac == OsnmaMacFunction.CmacAes && KeyBits is not (128 or 192 or 256)) throw Invalid("CMAC-AES needs a 128, 192 or 256-bit key");
        if (!Simulator.MacLookupTable.IsDefined(this.MacLookupTable)) throw Invalid($"MACLT {this.MacLookupTable} is not in ICD 1.1 Annex C");
        var nt = OsnmaFieldSizes.TagsPerMack(KeyBits, TagBits);
        if (nt != Simulator.MacLookupTable.TagCount(this.MacLookupTable))
            throw Invalid($"MACLT {this.MacLookupTable} has {Simulator.MacLookupTable.TagCount(this.MacLookupTable)} tags but {KeyBits}-bit keys and {TagBits}-bit tags fit {nt}");
        if (InitialChainId is < 0 or > 3) throw Invalid("chain ids are 0..3");
        if (NavigationDataRefresh is { } refresh && (refresh < TimeSpan.FromMinutes(1) || refresh.Ticks % TimeSpan.FromSeconds(30).Ticks != 0))
            throw Invalid("navigation data refresh is a multiple of 30 s, at least a minute");
        if (DsmDwellSubframes is < 1 or > 100) throw Invalid("DSM dwell is 1..100 subframes");
        ValidateEvents();
    }

    private void ValidateEvents()
    {
        ArgumentNullException.ThrowIfNull(Events);
        foreach (var e in Events)
        {
            ArgumentNullException.ThrowIfNull(e);
            CheckTime(e, e.At, "At");
            if (e.Until is { } until)
            {
                CheckTime(e, until, "end");
                if (until <= e.At) throw Invalid($"{e} ends before it starts");
            }
            switch (e)
            {
                case ChainRenewalEvent r:
                    CheckHour(r, r.NewChainStart);
                    break;
                case ChainRevocationEvent c:
                    CheckHour(c, c.NewChainStart);
                    if (!(c.At < c.NewChainStart && c.NewChainStart < c.RecoveredAt)) throw Invalid($"{c}: At < NewChainStart < RecoveredAt");
                    break;
                case NewPublicKeyEvent k:
                    CheckInside(k, k.SwitchAt);
                    if (k.KeyType == OsnmaPublicKeyType.AlertMessage) throw Invalid($"{k}: a new key is ECDSA");
                    break;
                case NewMerkleTreeEvent t:
                    CheckInside(t, t.SwitchAt);
                    if (t.KeyType == OsnmaPublicKeyType.AlertMessage) throw Invalid($"{t}: a new key is ECDSA");
                    break;
                case PublicKeyRevocationEvent p when p.KeyType == OsnmaPublicKeyType.AlertMessage:
                    throw Invalid($"{p}: the replacement key is ECDSA");
                case NavigationTamperingEvent n when n.Svids is null || n.Svids.Count == 0 || n.Svids.Any(s => !Satellites.Contains(s)):
                    throw Invalid($"{n}: tampered satellites must be scenario satellites");
            }
        }
        if (Events.OfType<NewMerkleTreeEvent>().Count() > 1) throw Invalid("supports one new Merkle tree");
        var exclusive = Events.Where(e => e is not (DontUsePeriodEvent or NavigationTamperingEvent)).OrderBy(e => e.At).ToList();
        for (var i = 1; i < exclusive.Count; i++)
            if (exclusive[i - 1].Until is not { } end || end > exclusive[i].At)
                throw Invalid($"{exclusive[i - 1]} overlaps {exclusive[i]} (chain, key and alert events run one at a time)");
    }

    private void CheckTime(OsnmaScenarioEvent e, GalileoSystemTime time, string what)
    {
        if (!OsnmaGst.IsSubframeStart(time)) throw Invalid($"{e}: {what} {time} is not a subframe start");
        if (time < Start || time > End) throw Invalid($"{e}: {what} {time} is outside the scenario");
    }

    private void CheckInside(OsnmaScenarioEvent e, GalileoSystemTime time)
    {
        if (!(e.At < time && time < e.Until!.Value)) throw Invalid($"{e}: the switch must fall inside the event");
    }

    private static void CheckHour(OsnmaScenarioEvent e, GalileoSystemTime time)
    {
        if (time.TimeOfWeek % 3600 != 0) throw Invalid($"{e}: a new chain starts on a whole GST hour (TOWH_K), not {time}");
    }

    private static void Guard(Action check)
    {
        try { check(); }
        catch (ArgumentOutOfRangeException ex) { throw Invalid(ex.Message); }
    }

    private static ArgumentException Invalid(string message) => new($"OSNMA scenario {message}.");
}
