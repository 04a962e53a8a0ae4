using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Options;
using GeoEdge.Bridge.Verification;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Tests;

public class LocationAssessorTests
{
    private const string Host = "edge-01";
    private const string Madrid5Km = """{"type":"circle","center":{"lat":40.416775,"lon":-3.703790},"radiusMeters":5000}""";
    private const string Spain = """
        {"type":"geojson","geometry":{"type":"Polygon","coordinates":[[[-9.5,36],[3.5,36],[3.5,43.8],[-9.5,43.8],[-9.5,36]]]}}
        """;
    private const string Lyon5Km = """{"type":"circle","center":{"lat":45.764043,"lon":4.835659},"radiusMeters":5000}""";

    private static Reading ReadingAt(double? latitude, double? longitude, string quality = "Gps") => new()
    {
        V = Reading.CurrentVersion,
        HostId = Host,
        Seq = 42,
        Time = DateTimeOffset.UtcNow,
        NonceEpoch = "e",
        Fix = latitude is null ? null : AuthenticatedFixes.At(latitude.Value, longitude!.Value) with { Quality = quality },
    };

    private static LocationAssessment Assess(Reading reading, params (string Id, string Body)[] policies)
    {
        using var temp = new TempStore();
        temp.Enroll(Host);
        foreach (var (id, body) in policies) temp.Store.PutPolicy(Host, id, body, DateTimeOffset.UtcNow);
        return temp.Assessor().AssessAsync(Host, reading, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void A_reading_without_a_fix_is_indeterminate_with_no_gnss_fix()
    {
        var assessment = Assess(ReadingAt(null, null), ("madrid", Madrid5Km));

        Assert.Equal(LocationAssessment.Indeterminate, assessment.Result);
        Assert.Null(assessment.Latitude);
        Assert.Equal([FindingCodes.NoGnssFix], assessment.Findings.Select(f => f.Code));
        Assert.Null(assessment.Gnss);
    }

    [Fact]
    public void A_fix_whose_quality_is_NoFix_counts_as_no_fix()
    {
        var assessment = Assess(ReadingAt(40.416775, -3.703790, quality: "NoFix"), ("madrid", Madrid5Km));

        Assert.Equal(LocationAssessment.Indeterminate, assessment.Result);
        Assert.Equal([FindingCodes.NoGnssFix], assessment.Findings.Select(f => f.Code));
    }

    [Fact]
    public void A_host_without_a_policy_is_indeterminate_with_no_policy_but_keeps_its_position()
    {
        var assessment = Assess(ReadingAt(40.416775, -3.703790));

        Assert.Equal(LocationAssessment.Indeterminate, assessment.Result);
        Assert.Equal([FindingCodes.NoPolicy], assessment.Findings.Select(f => f.Code));
        Assert.Equal(40.416775, assessment.Latitude);
        Assert.Equal(12.2385, assessment.UncertaintyMeters!.Value, 1e-9); // HDOP 1.0 * 5 m * 2.4477
    }

    [Fact]
    public void Inside_the_fence_is_inside_without_findings()
    {
        var assessment = Assess(ReadingAt(40.42, -3.70), ("madrid", Madrid5Km));

        Assert.Equal(LocationAssessment.Inside, assessment.Result);
        Assert.Empty(assessment.Findings);
        Assert.True(assessment.Gnss!.Authenticated);
        var policy = Assert.Single(assessment.Policies);
        Assert.Equal(("madrid", 1, LocationAssessment.Inside), (policy.PolicyId, policy.Version, policy.Result));
    }

    [Fact]
    public void Far_outside_the_fence_is_outside_with_an_outside_fence_finding()
    {
        var assessment = Assess(ReadingAt(45.764043, 4.835659), ("madrid", Madrid5Km));

        Assert.Equal(LocationAssessment.Outside, assessment.Result);
        var finding = Assert.Single(assessment.Findings);
        Assert.Equal(FindingCodes.OutsideFence, finding.Code);
        Assert.Contains("'madrid' v1", finding.Detail, StringComparison.Ordinal);
        Assert.Equal("madrid", assessment.DecidingPolicy!.PolicyId);
    }

    [Fact]
    public void With_two_policies_one_outside_makes_the_host_outside()
    {
        var assessment = Assess(ReadingAt(40.42, -3.70), ("spain", Spain), ("lyon", Lyon5Km));

        Assert.Equal(LocationAssessment.Outside, assessment.Result);
        Assert.Equal([("lyon", LocationAssessment.Outside), ("spain", LocationAssessment.Inside)],
            assessment.Policies.Select(p => (p.PolicyId, p.Result)));
        Assert.Equal([FindingCodes.OutsideFence], assessment.Findings.Select(f => f.Code));
        Assert.Equal("lyon", assessment.DecidingPolicy!.PolicyId);
    }

    [Fact]
    public void A_position_within_its_uncertainty_of_the_boundary_is_indeterminate()
    {
        // 5 km east of the centre along the parallel is on the circle; the 12 m uncertainty disc straddles it.
        var metresPerDegreeLongitude = 6371008.8 * Math.PI / 180 * Math.Cos(40.416775 * Math.PI / 180);
        var assessment = Assess(ReadingAt(40.416775, -3.703790 + 5000 / metresPerDegreeLongitude), ("madrid", Madrid5Km));

        Assert.Equal(LocationAssessment.Indeterminate, assessment.Result);
        Assert.Equal([FindingCodes.IndeterminateFence], assessment.Findings.Select(f => f.Code));
    }

    [Fact]
    public void A_stored_policy_that_no_longer_parses_fails_closed()
    {
        var assessment = Assess(ReadingAt(40.42, -3.70), ("madrid", Madrid5Km), ("broken", """{"type":"circle"}"""));

        Assert.Equal(LocationAssessment.Indeterminate, assessment.Result);
        Assert.Contains(assessment.Findings, f => f.Code == FindingCodes.PolicyInvalid && f.Detail.Contains("center", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unauthenticated_fix_inside_the_fence_is_still_inside_but_carries_why_it_is_not_authenticated()
    {
        var reading = ReadingAt(40.42, -3.70);
        reading = reading with { Fix = reading.Fix! with { Satellites = null, Osnma = null } };

        var assessment = Assess(reading, ("madrid", Madrid5Km));

        Assert.Equal(LocationAssessment.Inside, assessment.Result);
        Assert.False(assessment.Gnss!.Authenticated);
        Assert.Equal([FindingCodes.GnssUnauthenticated], assessment.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Outside_the_fence_with_jamming_gives_the_fence_finding_then_the_jamming_warning()
    {
        var reading = ReadingAt(45.764043, 4.835659);
        reading = reading with { Fix = reading.Fix! with { Receiver = AuthenticatedFixes.Quiet with { Jamming = "warning" } } };

        var assessment = Assess(reading, ("madrid", Madrid5Km));

        Assert.Equal([FindingCodes.OutsideFence, FindingCodes.GnssJammingIndicated], assessment.Findings.Select(f => f.Code));
        Assert.True(assessment.Gnss!.Authenticated);
    }
}
