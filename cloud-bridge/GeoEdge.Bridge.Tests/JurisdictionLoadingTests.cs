using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Verification;
using GeoEdge.Geofencing;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Jurisdictions;
using GeoEdge.Wire.Readings;
using Microsoft.Extensions.Logging;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// The atlas is parsed only when a jurisdiction policy or claim first needs it, once, and a boundary file
/// that turns out malformed then fails closed (policy-invalid, no claims) instead of stopping anything.
/// Each test loads the real boundaries itself (not the shared fixture): what is measured is the loading.
/// </summary>
public sealed class JurisdictionLoadingTests : IDisposable
{
    private const string Host = "edge-01";
    private const string MadridCircle = """{"type":"circle","center":{"lat":40.4183,"lon":-3.7052},"radiusMeters":5000}""";
    private static string MadridCircleDisclosing(string level) =>
        $$"""{"type":"circle","center":{"lat":40.4183,"lon":-3.7052},"radiusMeters":5000,"disclosure":"{{level}}"}""";
    private const string Spain = """{"type":"jurisdiction","country":"ES"}""";

    private readonly TempStore _temp = new();
    private readonly ListLogger _log = new();
    private readonly DirectoryInfo _boundaries = Directory.CreateTempSubdirectory("geoedge-lazy-atlas-");
    private ulong _seq;

    public JurisdictionLoadingTests() => _temp.Enroll(Host);

    public void Dispose()
    {
        _temp.Dispose();
        _boundaries.Delete(recursive: true);
    }

    private JurisdictionData Prepare(string directory) => JurisdictionSetup.Prepare(directory, _log);

    private LocationAssessment Assess(JurisdictionData jurisdictions) =>
        _temp.Assessor(jurisdictions: jurisdictions).AssessAsync(Host, MadridReading(), CancellationToken.None).GetAwaiter().GetResult();

    private Reading MadridReading() => new()
    {
        V = Reading.CurrentVersion, HostId = Host, Seq = ++_seq, Time = DateTimeOffset.UtcNow, NonceEpoch = "e",
        Fix = AuthenticatedFixes.At(40.4183, -3.7052),
    };

    private int LoadLines => _log.Lines.Count(l => l.Message.Contains("loaded on first use", StringComparison.Ordinal));

    [Fact]
    public void Disclosure_none_and_no_jurisdiction_policy_never_load_the_atlas()
    {
        var jurisdictions = Prepare(JurisdictionAtlas.DefaultDirectory);
        _temp.Store.PutPolicy(Host, "madrid", MadridCircle, DateTimeOffset.UtcNow);

        var assessment = Assess(jurisdictions);

        Assert.Equal(LocationAssessment.Inside, assessment.Result);
        Assert.Null(assessment.Jurisdiction);
        Assert.False(jurisdictions.IsLoaded);
        Assert.Equal(0, LoadLines);
    }

    [Fact]
    public void The_first_jurisdiction_policy_loads_the_atlas_once_for_every_thread()
    {
        var jurisdictions = Prepare(JurisdictionAtlas.DefaultDirectory);
        Assert.False(jurisdictions.IsLoaded);

        // Eight validations racing for the first load: one load, one atlas.
        var policies = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => PolicyDocument.Parse($"spain-{i}", 1, Spain, jurisdictions)).ToList();

        Assert.True(jurisdictions.IsLoaded);
        Assert.Equal(1, LoadLines);
        Assert.Single(policies.Select(p => p.Fence).Distinct());
        _temp.Store.PutPolicy(Host, "spain", Spain, DateTimeOffset.UtcNow);
        Assert.Equal(LocationAssessment.Inside, Assess(jurisdictions).Result);
        Assert.Equal(1, LoadLines);
    }

    [Fact]
    public void Jurisdiction_claims_load_the_atlas_when_the_disclosure_reveals_them()
    {
        var jurisdictions = Prepare(JurisdictionAtlas.DefaultDirectory);
        _temp.Store.PutPolicy(Host, "madrid", MadridCircleDisclosing("approximate"), DateTimeOffset.UtcNow);

        var assessment = Assess(jurisdictions);

        Assert.True(jurisdictions.IsLoaded);
        Assert.Equal(new GeoJurisdiction("ES", "ES-MD"), assessment.Jurisdiction);
    }

    [Fact]
    public void A_malformed_boundary_file_found_on_first_use_makes_jurisdiction_policies_invalid_with_the_reason()
    {
        var countries = Path.Combine(_boundaries.FullName, JurisdictionAtlas.CountriesFileName);
        File.WriteAllText(countries, """{"type":"FeatureCollection","features":[""");
        File.WriteAllText(Path.Combine(_boundaries.FullName, JurisdictionAtlas.SubdivisionsFileName), """{"type":"FeatureCollection","features":[]}""");
        // Present and small enough: the start-up check lets the bridge start.
        var jurisdictions = Prepare(_boundaries.FullName);
        Assert.Null(jurisdictions.Failure);

        // The claims find the file malformed: they are left out, the circle still decides.
        _temp.Store.PutPolicy(Host, "madrid", MadridCircleDisclosing("precise"), DateTimeOffset.UtcNow);
        var claimsOnly = Assess(jurisdictions);
        Assert.Equal(LocationAssessment.Inside, claimsOnly.Result);
        Assert.Null(claimsOnly.Jurisdiction);
        Assert.NotNull(jurisdictions.Failure);

        _temp.Store.PutPolicy(Host, "spain", Spain, DateTimeOffset.UtcNow);
        var first = Assess(jurisdictions);
        var second = Assess(jurisdictions);

        foreach (var assessment in new[] { first, second })
        {
            Assert.Equal(LocationAssessment.Indeterminate, assessment.Result);
            var invalid = Assert.Single(assessment.Findings, f => f.Code == FindingCodes.PolicyInvalid);
            Assert.Contains("did not load", invalid.Detail, StringComparison.Ordinal);
            Assert.Contains(countries, invalid.Detail, StringComparison.Ordinal);
            Assert.Contains("not valid JSON", invalid.Detail, StringComparison.Ordinal);
            Assert.Equal(LocationAssessment.Inside, assessment.Policies.Single(p => p.PolicyId == "madrid").Result);
            Assert.Null(assessment.Jurisdiction);
        }
        Assert.Equal(countries, jurisdictions.Failure!.FilePath);
        Assert.False(jurisdictions.IsLoaded);
        var error = Assert.Single(_log.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains(countries, error.Message, StringComparison.Ordinal);
        // The API refuses a new jurisdiction policy with the same reason.
        var refused = Assert.Throws<GeofencePolicyException>(() => PolicyDocument.Parse("france", 0, """{"type":"jurisdiction","country":"FR"}""", jurisdictions));
        Assert.Contains("not valid JSON", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_directory_missing_a_file_still_stops_the_bridge_at_start()
    {
        File.WriteAllText(Path.Combine(_boundaries.FullName, JurisdictionAtlas.CountriesFileName), "{}");

        var e = Assert.Throws<JurisdictionDataException>(() => Prepare(_boundaries.FullName));

        Assert.EndsWith(JurisdictionAtlas.SubdivisionsFileName, e.FilePath);
        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_boundaries_a_jurisdiction_policy_is_invalid_and_nothing_is_loaded()
    {
        _temp.Store.PutPolicy(Host, "spain", Spain, DateTimeOffset.UtcNow);

        var assessment = Assess(JurisdictionData.None);

        var invalid = Assert.Single(assessment.Findings, f => f.Code == FindingCodes.PolicyInvalid);
        Assert.Contains(JurisdictionData.NoBoundaries, invalid.Detail, StringComparison.Ordinal);
    }
}
