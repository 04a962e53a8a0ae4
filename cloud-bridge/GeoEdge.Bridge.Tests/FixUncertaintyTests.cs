using GeoEdge.Bridge.Geolocation;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// Expected radii worked out by hand: a 95 % circle for a 2-D normal error is sqrt(-2 ln 0.05) =
/// 2.4477 sigma; HDOP is scaled by a 5 m one-sigma user range error; 500 m when nothing is known.
/// </summary>
public class FixUncertaintyTests
{
    private static GnssFixReport Fix(double? hdop = null, GnssErrorEstimate? error = null) => new()
    {
        Time = DateTimeOffset.UtcNow,
        Latitude = 40.4,
        Longitude = -3.7,
        Quality = "Gps",
        SatellitesUsed = 9,
        Hdop = hdop,
        Error = error,
    };

    [Fact]
    public void The_receivers_own_sigma_wins_over_HDOP_and_the_largest_axis_is_used()
    {
        var fix = Fix(hdop: 1.2, error: new GnssErrorEstimate { SigmaLatitudeMeters = 3, SigmaLongitudeMeters = 2, SemiMajorMeters = 4, SemiMinorMeters = 1 });

        Assert.Equal(9.7908, FixUncertainty.RadiusMeters(fix), 1e-9); // 2.4477 * 4 m
    }

    [Fact]
    public void A_latitude_sigma_larger_than_the_semi_major_axis_is_taken()
    {
        var fix = Fix(error: new GnssErrorEstimate { SigmaLatitudeMeters = 6.5, SigmaLongitudeMeters = 2, SemiMajorMeters = 4 });

        Assert.Equal(15.91005, FixUncertainty.RadiusMeters(fix), 1e-9); // 2.4477 * 6.5 m
    }

    [Fact]
    public void Without_GST_the_radius_comes_from_HDOP_times_the_user_range_error()
    {
        Assert.Equal(14.6862, FixUncertainty.RadiusMeters(Fix(hdop: 1.2)), 1e-9); // 2.4477 * 1.2 * 5 m
        Assert.Equal(12.2385, FixUncertainty.RadiusMeters(Fix(hdop: 1.0)), 1e-9); // 2.4477 * 1.0 * 5 m
    }

    [Fact]
    public void A_GST_sentence_without_usable_sigmas_falls_back_to_HDOP()
    {
        var fix = Fix(hdop: 2, error: new GnssErrorEstimate { SigmaLatitudeMeters = double.NaN, SigmaLongitudeMeters = 0, SemiMajorMeters = -1 });

        Assert.Equal(24.477, FixUncertainty.RadiusMeters(fix), 1e-9); // 2.4477 * 2 * 5 m
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(99.9)]
    [InlineData(double.NaN)]
    public void With_neither_sigma_nor_a_plausible_HDOP_the_radius_is_500_m(double? hdop)
    {
        Assert.Equal(500.0, FixUncertainty.RadiusMeters(Fix(hdop: hdop)));
    }
}
