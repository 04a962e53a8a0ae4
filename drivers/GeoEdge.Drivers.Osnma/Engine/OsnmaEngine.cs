using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma.Messages;
using GeoEdge.Drivers.Osnma.Navigation;
using GeoEdge.Drivers.Osnma.State;
using GeoEdge.Drivers.Osnma.Tesla;
using GeoEdge.Drivers.Osnma.Trust;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>
/// The OSNMA receiver state machine, fed one page at a time (not thread-safe; <see cref="OsnmaReceiver"/> locks).
/// This file: page intake and subframe assembly. Partial files: DSM handling (keys, chains, status), tag
/// verification, and state persistence. Every collection is fixed-size or bounded by the 4-bit and 2-bit IDs of
/// the protocol (36 satellites x 14 subframes, 16 DSMs, 16 PKIDs, 4 chains), so memory does not grow with time.
/// </summary>
internal sealed partial class OsnmaEngine
{
    private const int MaxSvid = GalileoPage.MaxSvid;
    private readonly OsnmaOptions _options;
    private readonly ITrustedClock _clock;
    private readonly IOsnmaStateStore? _store;
    private readonly OsnmaTrustAnchors _anchors;
    private readonly List<OsnmaEvent> _events = [];
    private readonly SatelliteState?[] _satellites = new SatelliteState?[MaxSvid + 1];
    private readonly DsmAssembler _dsms = new();
    private readonly CounterSet _counters = new();
    private readonly byte[] _word = new byte[InavPageBits.WordBytes];
    private long _sequence;
    private NmaHeader? _lastHeader;
    private bool _hasTrustedTime;

    public OsnmaEngine(OsnmaTrustAnchors anchors, OsnmaOptions options, ITrustedClock clock, IOsnmaStateStore? store)
    {
        _anchors = anchors;
        _options = options;
        _clock = clock;
        _store = store;
        LoadAnchors();
        LoadState();
        StartMode = _chains.Any(c => c is not null) ? OsnmaStartMode.Hot : _keys.Count > 0 ? OsnmaStartMode.Warm : OsnmaStartMode.Cold;
    }

    public OsnmaStartMode StartMode { get; }
    public GalileoSystemTime? Now { get; private set; }
    public bool AlertReceived { get; private set; }

    /// <summary>Events raised since the last call; the receiver hands them out after releasing its lock.</summary>
    public List<OsnmaEvent> TakeEvents()
    {
        var taken = new List<OsnmaEvent>(_events);
        _events.Clear();
        return taken;
    }

    public void Process(GalileoPage page)
    {
        _counters.Pages++;
        _counters.FirstPage ??= page.Start;
        if (page.Signal != GalileoSignal.E1B)
        {
            _counters.IgnoredPages++;
            return;
        }
        var bits = page.Bits.Span;
        if (bits.Length != InavPageBits.PageBytes || page.Svid is < 1 or > MaxSvid)
        {
            Malformed(page.Start, $"E{page.Svid:00}: {bits.Length}-byte page (expected {InavPageBits.PageBytes}) or SVID out of 1..{MaxSvid}");
            return;
        }
        if (!InavPageBits.CrcIsValid(bits))
        {
            _counters.CrcFailures++;
            return;
        }
        if (!InavPageBits.IsNominalPage(bits) || page.Start.TimeOfWeek % 2 == 0)
        {
            Malformed(page.Start, $"E{page.Svid:00}: not a nominal E1-B page at an odd TOW ({page.Start})");
            return;
        }
        Now = page.Start;
        var trustedUpper = TrustedUpperBound(page.Start);

        var satellite = _satellites[page.Svid] ??= new SatelliteState(page.Svid);
        var tow = page.Start.TimeOfWeek;
        var subframe = page.Start.TotalSeconds - tow % 30;
        var index = tow % 30 / 2;
        var assembler = satellite.Assembler;
        if (subframe != assembler.Subframe)
        {
            if (subframe < assembler.Subframe)
            {
                Malformed(page.Start, $"E{page.Svid:00}: page of subframe {subframe} after subframe {assembler.Subframe} (out of order)");
                return;
            }
            CloseSubframe(satellite);
            assembler.Start(subframe);
        }
        InavPageBits.ReadWord(bits, _word);
        satellite.Nav.Add(_word, subframe);
        if (assembler.Add(index, InavPageBits.Hkroot(bits), InavPageBits.Mack(bits), trustedUpper))
            CompleteSubframe(satellite);
    }

    /// <summary>The latest GST the page can have been received at, by the trusted clock (null: no trusted time).</summary>
    private long? TrustedUpperBound(GalileoSystemTime pageStart)
    {
        (_clock as IPageClock)?.OnPage(pageStart);
        var trusted = _clock.Now();
        _hasTrustedTime = trusted is not null;
        if (trusted is not { } t) return null;
        return t.Gst.TotalSeconds + (long)Math.Ceiling(Math.Max(0, t.MaxError.TotalSeconds));
    }

    /// <summary>A subframe that ended without all 15 pages: keep its navigation data for cross-authentication, nothing else.</summary>
    private void CloseSubframe(SatelliteState satellite)
    {
        var assembler = satellite.Assembler;
        if (assembler.Subframe < 0 || satellite.ClosedSubframe == assembler.Subframe) return;
        if (assembler.HasPages) _counters.IncompleteSubframes++;
        satellite.ClosedSubframe = assembler.Subframe;
        satellite.Store(new SatelliteSubframe(satellite.Svid, assembler.Subframe, satellite.Nav.Snapshot(assembler.Subframe)));
    }

    private void CompleteSubframe(SatelliteState satellite)
    {
        var assembler = satellite.Assembler;
        var gst = assembler.Subframe;
        var record = new SatelliteSubframe(satellite.Svid, gst, satellite.Nav.Snapshot(gst));
        satellite.ClosedSubframe = gst;
        satellite.LastSubframe = gst;
        satellite.Store(record);

        var header = new NmaHeader(assembler.Hkroot[0]);
        if (!header.IsValid)
        {
            // All-zero HKROOT: the satellite does not transmit OSNMA. Anything else is garbage and is counted.
            if (assembler.Hkroot.AsSpan().ContainsAnyExcept((byte)0)) _counters.InvalidHeaders++;
            return;
        }
        _counters.CountSubframe(gst, header.Status);
        if (AlertReceived) return;
        ObserveHeader(header, gst);
        record.SetOsnma(header, assembler.Mack, assembler.TrustedUpper);
        HandleDsmBlock(header, new DsmHeader(assembler.Hkroot[1]), assembler.Hkroot.AsSpan(2));
        Progress();
    }

    private void Malformed(GalileoSystemTime at, string message)
    {
        _counters.MalformedPages++;
        Raise(at, OsnmaEventKinds.MalformedPage, message);
    }

    private void Raise(GalileoSystemTime? at, string kind, string message, int? svid = null) => _events.Add(new OsnmaEvent(at, kind, message, svid));

    private static GalileoSystemTime Gst(long seconds) => GalileoSystemTime.FromTotalSeconds(seconds);

    private IEnumerable<SatelliteState> Satellites => _satellites.Where(s => s is not null)!;
}
