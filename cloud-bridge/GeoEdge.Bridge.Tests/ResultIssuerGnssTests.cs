using GeoEdge.Hil.Rig.Scenarios;
using System.Text.Json;
using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Options;
using GeoEdge.Bridge.ResultSigning;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ear;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// The trust tier of the signed EAR's location submodule, its GNSS claims, and the stored verdict,
/// for fixes that are authenticated or not, inside or outside the fence, with or without spoofing.
/// </summary>
public sealed class ResultIssuerGnssTests : IDisposable
{
    private const string Host = "edge-01";
    // Precise: these tests read the coordinates and reasons the result carries.
    private const string Madrid5Km = """{"type":"circle","center":{"lat":40.416775,"lon":-3.703790},"radiusMeters":5000,"disclosure":"precise"}""";

    private readonly TempStore _temp = new();
    private readonly EarSigningKey _key = EarSigningKey.Generate();
    private ulong _seq;

    public ResultIssuerGnssTests()
    {
        _temp.Enroll(Host);
        _temp.Store.PutPolicy(Host, "madrid", Madrid5Km, DateTimeOffset.UtcNow);
    }

    public void Dispose()
    {
        _key.Dispose();
        _temp.Dispose();
    }

    /// <summary>Accepts a reading with this fix (as the router does) and issues its result.</summary>
    private (Wire.Messages.ResultMessage Message, EarSubmodule Location) Issue(GnssFixReport fix, ModemReport? modem = null)
    {
        var reading = new Reading { V = Reading.CurrentVersion, HostId = Host, Seq = ++_seq, Time = fix.Time, NonceEpoch = "q1w2e3r4t5y6u7i8", Fix = fix, Modem = modem };
        var accepted = new AcceptedReading(Host, reading.Seq, CanonicalReading.Encode(reading), [1], [2], new TpmCounters(reading.Seq, 1000 * reading.Seq, 1, 0));
        Assert.True(_temp.Store.TryAcceptReading(accepted, DateTimeOffset.UtcNow));
        var outcome = new VerificationOutcome(Host, reading, [], accepted);
        var location = _temp.Assessor().AssessAsync(Host, reading, CancellationToken.None).GetAwaiter().GetResult();
        // These tests are about the location submodule: the platform has nothing to remark.
        var platform = new Appraisal.PlatformAppraisal([], new PlatformState(Host, 1));
        var message = Issuer().Issue(outcome, platform, location);
        return (message, Verified(message.Ear).Submodules[ResultIssuer.LocationSubmodule]);
    }

    private ResultIssuer Issuer() => new(_temp.Store, _key, TimeProvider.System, TimeSpan.FromMinutes(15), "test");

    private Ear.Ear Verified(string jwt)
    {
        var verification = EarJwt.Verify(jwt, new Jwks([_key.PublicKey]), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        return verification.Ear!;
    }

    private static GnssFixReport Inside => AuthenticatedFixes.At(40.42, -3.70);

    private static JsonElement Claim(EarSubmodule submodule, string name) =>
        Assert.Contains(name, submodule.Extensions);

    private static List<string> Reasons(EarSubmodule submodule) =>
        submodule.Extensions.TryGetValue("geoedge.reasons", out var reasons) ? [.. reasons.EnumerateArray().Select(r => r.GetString()!)] : [];

    [Fact]
    public void An_authenticated_fix_inside_the_fence_is_affirming_and_says_so_in_its_claims_and_stored_verdict()
    {
        var (message, location) = Issue(Inside);

        Assert.Equal(EarStatus.Affirming, location.Status);
        Assert.Equal("affirming", message.EarStatus);
        Assert.True(Claim(location, "geoedge.gnss-authenticated").GetBoolean());
        Assert.Equal(6, Claim(location, "geoedge.gnss-authenticated-satellites").GetInt32());
        Assert.Equal(6, Claim(location, "geoedge.gnss-satellites").GetInt32());
        var verdict = Assert.Single(_temp.Store.Verdicts(Host, 0, 10));
        Assert.Equal((true, 6), (verdict.GnssAuthenticated, verdict.GnssAuthenticatedSatellites));
        Assert.Equal(("D", "D"), (message.LocationGrade, verdict.LocationGrade));
        Assert.Equal("D", Claim(location, "geoedge.location").GetProperty("grade").GetString());
        Assert.Equal([new StoredReadingArrival(1, _temp.Store.ReadingArrivals(Host)[0].ReceivedAt, true, 6)], _temp.Store.ReadingArrivals(Host));
    }

    [Fact]
    public void A_serving_cell_in_another_country_contraindicates_and_the_location_claim_shows_which_source_disagreed()
    {
        _temp.Cells.Import(new MemoryStream("LTE,268,6,7001,99887766,0,-9.1393,38.7223,1500,12,1,1500000000,1700000000,0\n"u8.ToArray()));
        var lisbonCell = new CellReport { Radio = CellRadios.Lte, Mcc = 268, Mnc = 6, Area = 7001, CellId = 99887766 };

        var (message, location) = Issue(Inside, new ModemReport { Sim = SimStates.Ready, Cell = lisbonCell });

        Assert.Equal(EarStatus.Contraindicated, location.Status);
        Assert.Equal("F", message.LocationGrade);
        Assert.Contains(message.Reasons, r => r.StartsWith("gnss-cell-mismatch:", StringComparison.Ordinal));
        var claim = Claim(location, "geoedge.location");
        Assert.Equal("F", claim.GetProperty("grade").GetString());
        var cell = claim.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "cell");
        Assert.Equal("disagrees", cell.GetProperty("state").GetString());
        Assert.InRange(cell.GetProperty("distanceMeters").GetDouble(), 490_000, 520_000);
    }

    [Fact]
    public void An_unauthenticated_fix_inside_the_fence_is_a_warning_naming_why()
    {
        var (message, location) = Issue(Inside with { Satellites = null, Osnma = null, Receiver = null });

        Assert.Equal(EarStatus.Warning, location.Status);
        Assert.Equal("warning", message.EarStatus);
        Assert.Equal("inside", message.Geofence);
        Assert.False(Claim(location, "geoedge.gnss-authenticated").GetBoolean());
        Assert.Equal(0, Claim(location, "geoedge.gnss-authenticated-satellites").GetInt32());
        Assert.Contains(Reasons(location), r => r.StartsWith(FindingCodes.GnssUnauthenticated + ":", StringComparison.Ordinal));
        Assert.Contains(message.Reasons, r => r.StartsWith(FindingCodes.GnssUnauthenticated + ":", StringComparison.Ordinal));
        var verdict = Assert.Single(_temp.Store.Verdicts(Host, 0, 10));
        Assert.Equal((false, 0), (verdict.GnssAuthenticated, verdict.GnssAuthenticatedSatellites));
    }

    [Fact]
    public void Three_authenticated_satellites_inside_the_fence_are_a_warning_not_affirming()
    {
        var (_, location) = Issue(AuthenticatedFixes.At(40.42, -3.70, satellites: 3));

        Assert.Equal(EarStatus.Warning, location.Status);
        Assert.Equal(3, Claim(location, "geoedge.gnss-authenticated-satellites").GetInt32());
        Assert.Contains(Reasons(location), r => r.StartsWith(FindingCodes.GnssTooFewAuthenticated, StringComparison.Ordinal));
    }

    [Fact]
    public void Spoofing_indicated_by_the_receiver_inside_the_fence_is_contraindicated()
    {
        var (message, location) = Issue(Inside with { Receiver = AuthenticatedFixes.Quiet with { Spoofing = SpoofingStates.Indicated } });

        Assert.Equal(EarStatus.Contraindicated, location.Status);
        Assert.Equal("contraindicated", message.EarStatus);
        Assert.Equal(96, location.TrustVector[TrustCategory.SourcedData]);
        Assert.Contains(Reasons(location), r => r.StartsWith(FindingCodes.GnssSpoofingIndicated, StringComparison.Ordinal));
    }

    [Fact]
    public void Jamming_inside_the_fence_withholds_affirming_though_the_fix_is_authenticated()
    {
        var (_, location) = Issue(Inside with { Receiver = AuthenticatedFixes.Quiet with { Jamming = JammingStates.Warning } });

        Assert.Equal(EarStatus.Warning, location.Status);
        Assert.True(Claim(location, "geoedge.gnss-authenticated").GetBoolean());
        Assert.Contains(Reasons(location), r => r.StartsWith(FindingCodes.GnssJammingIndicated, StringComparison.Ordinal));
    }

    [Fact]
    public void An_authenticated_fix_outside_the_fence_is_contraindicated()
    {
        var (message, location) = Issue(AuthenticatedFixes.At(45.764043, 4.835659));

        Assert.Equal(EarStatus.Contraindicated, location.Status);
        Assert.Equal("outside", message.Geofence);
        Assert.True(Claim(location, "geoedge.gnss-authenticated").GetBoolean());
    }

    [Fact]
    public void A_refused_reading_has_no_location_appraisal_and_no_GNSS_decision_stored()
    {
        var outcome = VerificationOutcome.Refused(Host, null, new Finding(FindingCodes.BadSignature, "test"));

        var message = Issuer().Issue(outcome, null, null);

        var location = Verified(message.Ear).Submodules[ResultIssuer.LocationSubmodule];
        Assert.Equal(EarStatus.None, location.Status);
        Assert.False(location.Extensions.ContainsKey("geoedge.gnss-authenticated"));
        var verdict = Assert.Single(_temp.Store.Verdicts(Host, 0, 10));
        Assert.Null(verdict.GnssAuthenticated);
        Assert.Null(verdict.GnssAuthenticatedSatellites);
    }
}
