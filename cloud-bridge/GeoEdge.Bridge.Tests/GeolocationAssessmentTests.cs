using System.Text;
using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Options;
using GeoEdge.Bridge.Store;
using GeoEdge.Geolocation;
using GeoEdge.Hil.Rig.Camara;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire.Readings;
using Microsoft.Extensions.Logging.Abstractions;
using BridgeCodes = GeoEdge.Bridge.Verification.FindingCodes;
using GlCodes = GeoEdge.Geolocation.FindingCodes;

namespace GeoEdge.Bridge.Tests;

/// <summary>The bridge's location assessment with GL: cell database in the store, a real CAMARA server on loopback.</summary>
public sealed class GeolocationAssessmentTests : IDisposable
{
    private const string Host = "edge-gl";
    private const string Phone = "+34600111222";
    private const double MadridLat = 40.416775, MadridLon = -3.703790;
    private const double LisbonLat = 38.722252, LisbonLon = -9.139337;
    private const string Madrid5Km = """{"type":"circle","center":{"lat":40.416775,"lon":-3.703790},"radiusMeters":5000}""";
    private static readonly CellReport MadridCell = Lte(28012, 26012345);
    private static readonly CellReport LisbonCell = Lte(7001, 99887766, mcc: 268, mnc: 6);

    private readonly TempStore _temp = new();
    private ulong _seq;

    public GeolocationAssessmentTests()
    {
        _temp.Enroll(Host);
        _temp.Store.PutPolicy(Host, "madrid", Madrid5Km, DateTimeOffset.UtcNow);
        var csv = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal\n" +
                  "LTE,214,7,28012,26012345,0,-3.7000,40.4260,1200,40,1,1500000000,1700000000,0\n" +
                  "LTE,268,6,7001,99887766,0,-9.1393,38.7223,1500,12,1,1500000000,1700000000,0\n";
        _temp.Cells.Import(new MemoryStream(Encoding.ASCII.GetBytes(csv)));
    }

    public void Dispose() => _temp.Dispose();

    private static CellReport Lte(long area, long cellId, int mcc = 214, int mnc = 7) =>
        new() { Radio = CellRadios.Lte, Mcc = mcc, Mnc = mnc, Area = area, CellId = cellId };

    private Reading ReadingAt(double? lat, double? lon, CellReport? cell, DateTimeOffset? time = null)
    {
        var at = time ?? DateTimeOffset.UtcNow;
        return new Reading
        {
            V = Reading.CurrentVersion,
            HostId = Host,
            Seq = ++_seq,
            Time = at,
            NonceEpoch = "e",
            Fix = lat is null ? null : AuthenticatedFixes.At(lat.Value, lon!.Value, at),
            Modem = cell is null ? null : new ModemReport { Sim = SimStates.Ready, Operator = $"{cell.Mcc}{cell.Mnc:00}", Cell = cell },
        };
    }

    private LocationAssessment Assess(Reading reading, LocationGrade minimum = LocationGrade.D, NetworkLocationCheck? network = null) =>
        _temp.Assessor(minimum, network).AssessAsync(Host, reading, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void An_authenticated_fix_with_its_serving_cell_is_grade_B_inside_with_no_findings()
    {
        var a = Assess(ReadingAt(MadridLat, MadridLon, MadridCell));
        Assert.Equal(LocationGrade.B, a.Composite!.Grade);
        Assert.Equal(LocationAssessment.Inside, a.Result);
        Assert.Empty(a.Findings);
        Assert.Equal(AgreementState.Agrees, a.Composite.StateOf(LocationSource.Cell));
        Assert.False(a.SourcesContradict);
    }

    [Fact]
    public void A_madrid_fix_with_a_lisbon_serving_cell_contradicts_and_is_not_inside()
    {
        var a = Assess(ReadingAt(MadridLat, MadridLon, LisbonCell));
        Assert.Equal(LocationGrade.F, a.Composite!.Grade);
        Assert.True(a.SourcesContradict);
        Assert.Equal(LocationAssessment.Indeterminate, a.Result);
        Assert.Contains(a.Findings, f => f.Code == GlCodes.GnssCellMismatch);
        // A contradicted location does not become the reference for the next reading's speed check.
        Assert.Null(_temp.Store.GetLastLocation(Host));
    }

    [Fact]
    public void A_cell_the_database_does_not_know_is_a_note_not_a_reason()
    {
        var a = Assess(ReadingAt(MadridLat, MadridLon, Lte(1, 2)));
        Assert.Equal(LocationGrade.D, a.Composite!.Grade);
        Assert.Empty(a.Findings);
        Assert.Contains(a.Notes, n => n.StartsWith(GlCodes.CellUnknown + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_fix_the_known_cell_places_the_host_with_its_range_but_no_gnss_fix_remains_a_reason()
    {
        var a = Assess(ReadingAt(null, null, MadridCell));
        Assert.Equal(LocationGrade.D, a.Composite!.Grade);
        Assert.Equal(40.4260, a.Latitude!.Value, 4);
        Assert.Equal(1200, a.UncertaintyMeters);
        Assert.Equal(LocationAssessment.Inside, a.Result);
        Assert.Contains(a.Findings, f => f.Code == BridgeCodes.NoGnssFix);
    }

    [Fact]
    public void A_grade_below_the_minimum_is_a_reason_naming_both_grades()
    {
        var a = Assess(ReadingAt(MadridLat, MadridLon, null), LocationGrade.B);
        var finding = Assert.Single(a.Findings);
        Assert.Equal(BridgeCodes.LocationGradeBelowMinimum, finding.Code);
        Assert.Contains("grades the location D", finding.Detail);
        Assert.Contains("B or better", finding.Detail);
    }

    [Fact]
    public void Lisbon_a_minute_after_madrid_is_an_implausible_speed()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.Empty(Assess(ReadingAt(MadridLat, MadridLon, MadridCell, now.AddMinutes(-1))).Findings);
        var a = Assess(ReadingAt(LisbonLat, LisbonLon, LisbonCell, now));
        Assert.Contains(a.Findings, f => f.Code == GlCodes.ImplausibleSpeed);
        Assert.True(a.SourcesContradict);
        Assert.Equal(LocationAssessment.Outside, a.Result);
    }

    [Fact]
    public void A_stationary_host_is_anchored_where_first_located_and_moving_away_contradicts()
    {
        _temp.Store.SetGeolocation(Host, new HostGeolocation(null, 200, null));
        var now = DateTimeOffset.UtcNow;
        Assert.Empty(Assess(ReadingAt(MadridLat, MadridLon, MadridCell, now.AddDays(-1))).Findings);
        Assert.Equal(new GeoAnchor(MadridLat, MadridLon), _temp.Store.GetGeolocation(Host).Anchor);

        // 3 km north a day later: slow, still inside the fence and the cell, but not where it was installed.
        var a = Assess(ReadingAt(MadridLat + 0.027, MadridLon, MadridCell, now));
        Assert.Contains(a.Findings, f => f.Code == GlCodes.StationaryHostMoved);
        Assert.Equal(LocationGrade.F, a.Composite!.Grade);
    }

    [Fact]
    public async Task The_network_saying_false_for_the_fix_is_network_denies()
    {
        await using var camara = await CamaraServer.StartAsync();
        camara.SetDeviceLocation(Phone, LisbonLat, LisbonLon, 500);
        using var network = Network(camara);
        _temp.Store.SetGeolocation(Host, new HostGeolocation(Phone, null, null));

        var a = Assess(ReadingAt(MadridLat, MadridLon, MadridCell), network: network);
        Assert.Contains(a.Findings, f => f.Code == GlCodes.NetworkDenies);
        Assert.Equal(GeoEdge.Geolocation.VerificationResult.False, a.Network!.Result);
        Assert.Equal(2000, a.Network.RadiusMeters);
        Assert.True(a.SourcesContradict);
    }

    [Fact]
    public async Task All_three_sources_agreeing_make_grade_A_and_a_young_answer_is_reused()
    {
        await using var camara = await CamaraServer.StartAsync();
        camara.SetDeviceLocation(Phone, MadridLat, MadridLon, 300);
        using var network = Network(camara, reuseSeconds: 300);
        _temp.Store.SetGeolocation(Host, new HostGeolocation(Phone, null, null));

        var first = Assess(ReadingAt(MadridLat, MadridLon, MadridCell), network: network);
        var second = Assess(ReadingAt(MadridLat, MadridLon, MadridCell), network: network);
        Assert.Equal(LocationGrade.A, first.Composite!.Grade);
        Assert.Equal(LocationGrade.A, second.Composite!.Grade);
        Assert.Empty(first.Findings);
        Assert.Equal(1, camara.VerificationsFor(Phone));
    }

    [Fact]
    public async Task Without_a_phone_number_the_network_is_unavailable_and_says_how_to_set_it()
    {
        await using var camara = await CamaraServer.StartAsync();
        using var network = Network(camara);
        var a = Assess(ReadingAt(MadridLat, MadridLon, MadridCell), network: network);
        Assert.Equal(LocationGrade.B, a.Composite!.Grade);
        var note = Assert.Single(a.Notes);
        Assert.StartsWith(BridgeCodes.NetworkUnavailable, note);
        Assert.Contains("PUT /v1/hosts/edge-gl/geolocation", note);
        Assert.Equal(0, camara.RequestCount);
    }

    [Fact]
    public async Task An_operator_error_is_a_note_naming_it_and_the_grade_falls_back()
    {
        await using var camara = await CamaraServer.StartAsync();
        camara.SetDeviceLocation(Phone, MadridLat, MadridLon, 300);
        camara.FailNext(503, "UNAVAILABLE", "maintenance");
        using var network = Network(camara);
        _temp.Store.SetGeolocation(Host, new HostGeolocation(Phone, null, null));
        var a = Assess(ReadingAt(MadridLat, MadridLon, MadridCell), network: network);
        Assert.Equal(LocationGrade.B, a.Composite!.Grade);
        Assert.Contains(a.Notes, n => n.Contains("UNAVAILABLE") && n.Contains("maintenance"));
    }

    private NetworkLocationCheck Network(CamaraServer camara, int reuseSeconds = 0)
    {
        var options = new NetworkLocationOptions
        {
            BaseUrl = camara.BaseUrl,
            TokenUrl = camara.TokenUrl,
            ClientId = new CamaraServerOptions().ClientId,
            ClientSecret = new CamaraServerOptions().ClientSecret,
            ReuseAnswerSeconds = reuseSeconds,
        };
        return new NetworkLocationCheck(NetworkLocationSetup.ClientOptions(options), options, _temp.Store, TimeProvider.System,
            NullLogger<NetworkLocationCheck>.Instance);
    }
}
