using System.Buffers.Binary;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// Turns decoded UBX frames into <see cref="GalileoPage"/> records. UBX-RXM-SFRBX carries no time,
/// so the page start comes from the latest UBX-NAV-TIMEGAL: a page is delivered once complete, so
/// the page just received started at (the largest odd TOW not after the TIMEGAL time) - 2 s.
/// That is only true while the TIMEGAL is current: one older than <see cref="MaxTimeAge"/> of
/// receiver time (the iTOW of any later NAV message) would date the page a slot or more too early,
/// so such pages are refused, as are pages before any TIMEGAL and pages under a TIMEGAL that does not
/// vouch for its own time. Every refusal is counted by reason; device data never throws.
/// The CRC is not checked here: the OSNMA verifier counts CRC failures itself.
/// Not thread-safe (one per stream); the counters may be read from any thread.
/// </summary>
public sealed class GalileoPageAssembler
{
    public static readonly TimeSpan DefaultMaxTimeAge = TimeSpan.FromSeconds(3);
    private const long MillisecondsPerWeek = GalileoSystemTime.SecondsPerWeek * 1000L;
    private const int PageSeconds = 2;
    /// <summary>TIMEGAL valid bits: galTowValid (0) and galWnoValid (1) must both be set.</summary>
    private const byte TowAndWeekValid = 0x3;
    private const int NanosecondsPerSecond = 1_000_000_000;
    private const byte NavClass = 0x01;

    private readonly long[] _rejected = new long[Enum.GetValues<GalileoPageRejection>().Length];
    private readonly long _maxAgeMs;
    private UbxNavTimeGal? _time;
    private uint? _latestITow;
    private long _pages;
    private long _crcFailures;

    public GalileoPageAssembler(TimeSpan? maxTimeAge = null)
    {
        MaxTimeAge = maxTimeAge ?? DefaultMaxTimeAge;
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTimeAge, TimeSpan.Zero, nameof(maxTimeAge));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTimeAge, TimeSpan.FromHours(1), nameof(maxTimeAge));
        _maxAgeMs = (long)MaxTimeAge.TotalMilliseconds;
    }

    public TimeSpan MaxTimeAge { get; }

    public long PagesAssembled => Interlocked.Read(ref _pages);

    /// <summary>Pages delivered whose CRC-24Q does not hold (delivered all the same; see the class summary).</summary>
    public long PagesWithBadCrc => Interlocked.Read(ref _crcFailures);

    public long Rejected(GalileoPageRejection reason) => Interlocked.Read(ref _rejected[(int)reason]);

    public IReadOnlyDictionary<GalileoPageRejection, long> RejectionCounts =>
        Enum.GetValues<GalileoPageRejection>().ToDictionary(r => r, Rejected);

    /// <summary>
    /// Takes one frame; returns the page it completes, or null (another message, or a refused
    /// subframe, counted under <see cref="Rejected"/>).
    /// </summary>
    public GalileoPage? Feed(UbxFrame frame)
    {
        if (frame.Class == NavClass) NoteReceiverTime(frame.Payload);
        if (frame.Class == UbxNavTimeGal.Class && frame.Id == UbxNavTimeGal.Id) return AcceptTime(frame.Payload);
        if (frame.Class == UbxRxmSfrbx.Class && frame.Id == UbxRxmSfrbx.Id) return Assemble(frame.Payload);
        return null;
    }

    /// <summary>Forgets the time (after a reconnect the next subframe may belong to another epoch, or device).</summary>
    public void ResetTime()
    {
        _time = null;
        _latestITow = null;
    }

    /// <summary>Every UBX-NAV message starts with the receiver's iTOW: the clock staleness is judged by.</summary>
    private void NoteReceiverTime(byte[] payload)
    {
        if (payload.Length >= 4) _latestITow = BinaryPrimitives.ReadUInt32LittleEndian(payload);
    }

    private GalileoPage? AcceptTime(byte[] payload)
    {
        try
        {
            _time = UbxNavTimeGal.Decode(payload);
        }
        catch (UbxFormatException)
        {
            Count(GalileoPageRejection.Malformed);
        }
        return null;
    }

    private GalileoPage? Assemble(byte[] payload)
    {
        UbxRxmSfrbx sfrbx;
        try
        {
            sfrbx = UbxRxmSfrbx.Decode(payload);
        }
        catch (UbxFormatException)
        {
            return Refuse(GalileoPageRejection.Malformed);
        }
        if (sfrbx.GnssId != UbxGnssId.Galileo) return Refuse(GalileoPageRejection.NotGalileo);
        if (sfrbx.SigId is not ((byte)GalileoSignal.E1B or (byte)GalileoSignal.E5bI)) return Refuse(GalileoPageRejection.UnsupportedSignal);
        if (sfrbx.SvId is < 1 or > GalileoPage.MaxSvid) return Refuse(GalileoPageRejection.BadSvid);
        if (PageStart() is not { } start) return null;

        GalileoInavPage page;
        try
        {
            page = GalileoInavPage.FromSfrbx(sfrbx);
        }
        catch (UbxFormatException)
        {
            return Refuse(GalileoPageRejection.Malformed);
        }
        if (!page.HalvesInOrder) return Refuse(GalileoPageRejection.HalvesOutOfOrder);
        if (!page.CrcIsValid) Interlocked.Increment(ref _crcFailures);
        Interlocked.Increment(ref _pages);
        return new GalileoPage(sfrbx.SvId, start, (GalileoSignal)sfrbx.SigId, page.PageBytes.ToArray());
    }

    /// <summary>The start of the page completed at the latest TIMEGAL, or null with the refusal counted.</summary>
    private GalileoSystemTime? PageStart()
    {
        if (_time is not { } time)
        {
            Count(GalileoPageRejection.NoTimeYet);
            return null;
        }
        if ((time.Valid & TowAndWeekValid) != TowAndWeekValid || time.GalWno < 0
            || time.GalTow >= GalileoSystemTime.SecondsPerWeek || Math.Abs(time.FGalTowNs) >= NanosecondsPerSecond)
        {
            Count(GalileoPageRejection.TimeInvalid);
            return null;
        }
        if (_latestITow is { } latest && AgeMs(time.ITow, latest) > _maxAgeMs)
        {
            Count(GalileoPageRejection.TimeStale);
            return null;
        }
        // fGalTow is -0.5..0.5 s around galTow: a TIMEGAL just before an odd second has not seen that page end.
        var now = new GalileoSystemTime(time.GalWno, (int)time.GalTow).TotalSeconds + (time.FGalTowNs < 0 ? -1 : 0);
        var lastOdd = now % 2 == 1 ? now : now - 1;
        var start = lastOdd - PageSeconds;
        if (start < 0)
        {
            Count(GalileoPageRejection.TimeInvalid);
            return null;
        }
        return GalileoSystemTime.FromTotalSeconds(start);
    }

    /// <summary>How far <paramref name="then"/> lies before <paramref name="now"/>, across a week rollover; negative if after.</summary>
    private static long AgeMs(uint then, uint now)
    {
        var age = ((long)now - then) % MillisecondsPerWeek;
        if (age > MillisecondsPerWeek / 2) age -= MillisecondsPerWeek;
        if (age < -MillisecondsPerWeek / 2) age += MillisecondsPerWeek;
        return age;
    }

    private GalileoPage? Refuse(GalileoPageRejection reason)
    {
        Count(reason);
        return null;
    }

    private void Count(GalileoPageRejection reason) => Interlocked.Increment(ref _rejected[(int)reason]);
}
