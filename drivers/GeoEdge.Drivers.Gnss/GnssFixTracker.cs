using GeoEdge.Drivers.Gnss.Nmea;

namespace GeoEdge.Drivers.Gnss;

/// <summary>
/// Turns a stream of NMEA sentences into the receiver's current fix. Sentences with the same UTC
/// time belong to one epoch: GGA (or GNS, or RMC alone) gives the position, RMC the date and
/// validity, GST the error ellipse; <see cref="Latest"/> is republished as each of them arrives,
/// whatever order the receiver uses. Thread-safe: one thread may feed while others read.
/// </summary>
public sealed class GnssFixTracker
{
    private readonly object _lock = new();
    private readonly Dictionary<string, long> _accepted = [];
    private readonly long[] _rejected = new long[Enum.GetValues<NmeaErrorKind>().Length];
    private readonly SatellitesInViewCollector _satellites = new();
    private Epoch? _epoch;
    private long _epochNumber;
    private (DateOnly Date, TimeOnly Time)? _lastRmcDate;
    private GnssFix? _latest;
    private NmeaError? _lastError;

    /// <summary>The fix of the most recent epoch that had a position sentence; null before the first.</summary>
    public GnssFix? Latest { get { lock (_lock) return _latest; } }

    /// <summary>Satellites of the latest complete GSV cycles, all talkers and signals together.</summary>
    public IReadOnlyList<SatelliteInView> SatellitesInView { get { lock (_lock) return _satellites.Current; } }

    public NmeaError? LastError { get { lock (_lock) return _lastError; } }

    public long Accepted(string sentenceType) { lock (_lock) return _accepted.GetValueOrDefault(sentenceType); }

    public long Rejected(NmeaErrorKind kind) { lock (_lock) return _rejected[(int)kind]; }

    public long TotalAccepted { get { lock (_lock) return _accepted.Values.Sum(); } }

    public long TotalRejected { get { lock (_lock) return _rejected.Sum(); } }

    /// <summary>Parses one line and feeds the outcome; returns it for callers that want to log rejects.</summary>
    public NmeaParseResult Feed(string line)
    {
        var result = NmeaParser.Parse(line);
        Feed(result);
        return result;
    }

    public void Feed(NmeaParseResult result)
    {
        if (result.Sentence is { } sentence)
        {
            Feed(sentence);
            return;
        }
        if (result.Error is not { } error) return;
        lock (_lock)
        {
            _rejected[(int)error.Kind]++;
            _lastError = error;
        }
    }

    public void Feed(NmeaSentence sentence)
    {
        lock (_lock)
        {
            _accepted[sentence.SentenceType] = _accepted.GetValueOrDefault(sentence.SentenceType) + 1;
            switch (sentence)
            {
                case Gsv gsv:
                    _satellites.Add(gsv, _epochNumber);
                    return;
                case Gga gga:
                    EpochAt(gga.Time).Gga = gga;
                    break;
                case Gns gns:
                    EpochAt(gns.Time).Gns = gns;
                    break;
                case Rmc rmc:
                    EpochAt(rmc.Time).Rmc = rmc;
                    if (rmc is { Date: { } date, Time: { } time }) _lastRmcDate = (date, time);
                    break;
                case Gst gst:
                    EpochAt(gst.Time).Gst = gst;
                    break;
                default:
                    return; // GSA: counted; the fix takes its DOP from GGA/GNS
            }
            if (_epoch!.HasPosition) _latest = Build(_epoch);
        }
    }

    private Epoch EpochAt(TimeOnly? time)
    {
        // A sentence without time cannot be matched to others: it starts an epoch of its own.
        if (_epoch is null || time is null || _epoch.Time != time)
        {
            _epoch = new Epoch(time);
            _epochNumber++;
            _satellites.Prune(_epochNumber);
        }
        return _epoch;
    }

    private GnssFix Build(Epoch e)
    {
        var (latitude, longitude) = e.Gga is { } gga ? (gga.Latitude, gga.Longitude)
            : e.Gns is { } gns ? (gns.Latitude, gns.Longitude)
            : (e.Rmc?.Latitude, e.Rmc?.Longitude);
        var quality = e.Gga?.Quality ?? QualityOf(e.Gns) ?? QualityOf(e.Rmc) ?? FixQuality.NoFix;
        return new GnssFix(
            UtcTime: DateOf(e) is { } date && e.Time is { } time ? date.ToDateTime(time, DateTimeKind.Utc) : null,
            TimeOfDay: e.Time,
            Latitude: latitude,
            Longitude: longitude,
            AltitudeMsl: e.Gga?.AltitudeMsl ?? e.Gns?.AltitudeMsl,
            GeoidSeparation: e.Gga?.GeoidSeparation ?? e.Gns?.GeoidSeparation,
            Quality: quality,
            Status: e.Rmc?.Status,
            SatellitesUsed: e.Gga?.SatellitesUsed ?? e.Gns?.SatellitesUsed,
            Hdop: e.Gga?.Hdop ?? e.Gns?.Hdop,
            Gst: e.Gst is { } gst ? ErrorEllipse.From(gst) : null);
    }

    /// <summary>
    /// The date of this epoch: from its own RMC, else the last RMC's date, moved to the next day
    /// when the time of day went back by more than 12 h since (midnight passed in between).
    /// </summary>
    private DateOnly? DateOf(Epoch e)
    {
        if (e.Rmc?.Date is { } own) return own;
        if (_lastRmcDate is not { } last || e.Time is not { } time) return null;
        return time < last.Time && (last.Time - time) > TimeSpan.FromHours(12) ? last.Date.AddDays(1) : last.Date;
    }

    /// <summary>GNS has one mode per constellation: the first that contributes decides.</summary>
    private static FixQuality? QualityOf(Gns? gns)
    {
        if (gns?.ModeIndicators is null) return null;
        foreach (var mode in gns.Modes)
            if (mode != PositioningMode.NotValid) return QualityOf(mode);
        return FixQuality.NoFix;
    }

    private static FixQuality? QualityOf(Rmc? rmc) => rmc switch
    {
        null => null,
        { Mode: { } mode } => QualityOf(mode),
        { Status: RmcStatus.Active } => FixQuality.Gps,
        { Status: RmcStatus.Void } => FixQuality.NoFix,
        _ => null,
    };

    private static FixQuality QualityOf(PositioningMode mode) => mode switch
    {
        PositioningMode.Autonomous => FixQuality.Gps,
        PositioningMode.Differential => FixQuality.Dgps,
        PositioningMode.Precise => FixQuality.Pps,
        PositioningMode.Rtk => FixQuality.Rtk,
        PositioningMode.FloatRtk => FixQuality.FloatRtk,
        PositioningMode.Estimated => FixQuality.Estimated,
        PositioningMode.Manual => FixQuality.Manual,
        PositioningMode.Simulator => FixQuality.Simulation,
        _ => FixQuality.NoFix,
    };

    private sealed class Epoch(TimeOnly? time)
    {
        public TimeOnly? Time { get; } = time;
        public Gga? Gga { get; set; }
        public Gns? Gns { get; set; }
        public Rmc? Rmc { get; set; }
        public Gst? Gst { get; set; }
        public bool HasPosition => Gga is not null || Gns is not null || Rmc is not null;
    }
}
