using System.Globalization;

namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// Galileo System Time in whole seconds: week number (WN, 12 bits on the signal) and time of week.
/// GST is GPS time less 1024 weeks: week 0 starts at 1999-08-22T00:00:00 on its own (GPS-like)
/// calendar, which runs ahead of UTC by the GPS-UTC leap seconds (18 since 2017), the parameter of
/// <see cref="ToUtc"/>.
/// </summary>
public readonly record struct GalileoSystemTime : IComparable<GalileoSystemTime>
{
    public const int SecondsPerWeek = 604_800;
    /// <summary>GST (and GPS) minus UTC since 2017-01-01, in seconds.</summary>
    public const int CurrentLeapSeconds = 18;
    /// <summary>The start of GST week 0 on GST's own calendar.</summary>
    public static readonly DateTime Epoch = new(1999, 8, 22, 0, 0, 0, DateTimeKind.Unspecified);

    public GalileoSystemTime(int weekNumber, int timeOfWeek)
    {
        if (weekNumber < 0) throw new ArgumentOutOfRangeException(nameof(weekNumber), weekNumber, "GST week numbers are not negative.");
        if (timeOfWeek is < 0 or >= SecondsPerWeek)
            throw new ArgumentOutOfRangeException(nameof(timeOfWeek), timeOfWeek, $"GST time of week is 0..{SecondsPerWeek - 1} s.");
        WeekNumber = weekNumber;
        TimeOfWeek = timeOfWeek;
    }

    public int WeekNumber { get; }
    public int TimeOfWeek { get; }

    /// <summary>Seconds since the GST epoch.</summary>
    public long TotalSeconds => (long)WeekNumber * SecondsPerWeek + TimeOfWeek;

    public static GalileoSystemTime FromTotalSeconds(long seconds)
    {
        if (seconds < 0) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "GST before its epoch.");
        return new GalileoSystemTime((int)(seconds / SecondsPerWeek), (int)(seconds % SecondsPerWeek));
    }

    public GalileoSystemTime AddSeconds(long seconds) => FromTotalSeconds(TotalSeconds + seconds);

    /// <summary>GST read off a calendar date and time expressed in GST (as the test-vector file names are).</summary>
    public static GalileoSystemTime FromGstCalendar(DateTime gst) =>
        FromTotalSeconds((long)Math.Floor((DateTime.SpecifyKind(gst, DateTimeKind.Unspecified) - Epoch).TotalSeconds));

    public DateTime ToGstCalendar() => Epoch.AddSeconds(TotalSeconds);

    public DateTimeOffset ToUtc(int leapSeconds = CurrentLeapSeconds) =>
        new(DateTime.SpecifyKind(ToGstCalendar().AddSeconds(-leapSeconds), DateTimeKind.Utc));

    public static GalileoSystemTime FromUtc(DateTimeOffset utc, int leapSeconds = CurrentLeapSeconds) =>
        FromGstCalendar(utc.UtcDateTime.AddSeconds(leapSeconds));

    public int CompareTo(GalileoSystemTime other) => TotalSeconds.CompareTo(other.TotalSeconds);
    public static bool operator <(GalileoSystemTime a, GalileoSystemTime b) => a.TotalSeconds < b.TotalSeconds;
    public static bool operator >(GalileoSystemTime a, GalileoSystemTime b) => a.TotalSeconds > b.TotalSeconds;
    public static bool operator <=(GalileoSystemTime a, GalileoSystemTime b) => a.TotalSeconds <= b.TotalSeconds;
    public static bool operator >=(GalileoSystemTime a, GalileoSystemTime b) => a.TotalSeconds >= b.TotalSeconds;
    public static long operator -(GalileoSystemTime a, GalileoSystemTime b) => a.TotalSeconds - b.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"WN {WeekNumber} TOW {TimeOfWeek}");
}
