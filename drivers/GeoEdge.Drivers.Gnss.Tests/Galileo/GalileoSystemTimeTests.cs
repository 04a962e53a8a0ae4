using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Gnss.Tests.Galileo;

public sealed class GalileoSystemTimeTests
{
    [Fact]
    public void The_test_vector_file_time_reads_as_the_week_and_tow_the_readme_gives()
    {
        var gst = GalileoSystemTime.FromGstCalendar(new DateTime(2023, 8, 16, 5, 0, 1));
        Assert.Equal(1251, gst.WeekNumber);
        Assert.Equal(277201, gst.TimeOfWeek);
    }

    [Fact]
    public void Utc_is_gst_less_the_gps_leap_seconds()
    {
        var gst = new GalileoSystemTime(1251, 277201);
        Assert.Equal(new DateTimeOffset(2023, 8, 16, 4, 59, 43, TimeSpan.Zero), gst.ToUtc());
        Assert.Equal(gst, GalileoSystemTime.FromUtc(gst.ToUtc()));
    }

    [Fact]
    public void Adding_seconds_crosses_the_week_boundary()
    {
        var end = new GalileoSystemTime(1251, GalileoSystemTime.SecondsPerWeek - 1);
        Assert.Equal(new GalileoSystemTime(1252, 1), end.AddSeconds(2));
        Assert.Equal(2, end.AddSeconds(2) - end);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(0, GalileoSystemTime.SecondsPerWeek)]
    public void Out_of_range_parts_are_refused(int week, int tow) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GalileoSystemTime(week, tow));
}
