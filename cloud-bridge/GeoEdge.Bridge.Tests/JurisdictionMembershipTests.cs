using GeoEdge.Bridge.Geofencing;
using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// Jurisdiction membership and claims near a border, with the real boundaries. The distances are measured
/// from the data, not assumed: a disc smaller than the distance to the border is decided, one larger is not.
/// </summary>
[Collection(AtlasCollection.Name)]
public class JurisdictionMembershipTests(AtlasFixture fixture)
{
    // Badajoz, a few km east of the Portuguese border; Aranjuez, in the Community of Madrid near Castilla-La Mancha.
    private static readonly GeoPoint Badajoz = new(38.8794, -6.9707);
    private static readonly GeoPoint Aranjuez = new(40.0311, -3.6046);

    private GeofenceDecision Member(string body, GeoPoint point, double uncertainty) =>
        GeofenceEvaluator.Evaluate(PolicyDocument.Parse("j", 1, body, fixture.Jurisdictions).Geofence, point, uncertainty);

    [Fact]
    public void Near_the_border_membership_is_decided_only_when_the_disc_stays_on_one_side()
    {
        const string spain = """{"type":"jurisdiction","country":"ES"}""";
        const string portugal = """{"type":"jurisdiction","country":"PT"}""";
        var toBorder = Member(spain, Badajoz, 0).DistanceToBoundaryMeters;
        Assert.InRange(toBorder, 500, 30_000);

        Assert.Equal(GeofenceResult.Inside, Member(spain, Badajoz, toBorder / 2).Result);
        Assert.Equal(GeofenceResult.Outside, Member(portugal, Badajoz, toBorder / 2).Result);
        Assert.Equal(GeofenceResult.Indeterminate, Member(spain, Badajoz, toBorder * 1.5).Result);
        Assert.Equal(GeofenceResult.Indeterminate, Member(portugal, Badajoz, toBorder * 1.5).Result);
    }

    [Fact]
    public void The_claimed_country_needs_the_whole_disc_inside_it()
    {
        var toBorder = Member("""{"type":"jurisdiction","country":"ES"}""", Badajoz, 0).DistanceToBoundaryMeters;

        var claimed = JurisdictionLocator.Locate(fixture.Atlas, Badajoz, Math.Min(toBorder / 2, 1000));
        Assert.Equal("ES", claimed?.Country);
        Assert.Equal(fixture.Atlas.Locate(Badajoz.Latitude, Badajoz.Longitude).Subdivision, claimed?.Subdivision);
        Assert.Null(JurisdictionLocator.Locate(fixture.Atlas, Badajoz, toBorder * 1.5));
    }

    [Fact]
    public void A_disc_across_a_subdivision_line_claims_the_country_alone()
    {
        var toMadridLine = Member("""{"type":"jurisdiction","subdivision":"ES-MD"}""", Aranjuez, 0).DistanceToBoundaryMeters;
        Assert.InRange(toMadridLine, 100, 20_000);

        Assert.Equal(new GeoJurisdiction("ES", "ES-MD"), JurisdictionLocator.Locate(fixture.Atlas, Aranjuez, toMadridLine / 2));
        Assert.Equal(new GeoJurisdiction("ES", null), JurisdictionLocator.Locate(fixture.Atlas, Aranjuez, toMadridLine * 1.5));
    }

    [Fact]
    public void At_sea_no_jurisdiction_is_claimed()
    {
        Assert.Null(JurisdictionLocator.Locate(fixture.Atlas, new GeoPoint(40.0, -20.0), 10));
    }
}
