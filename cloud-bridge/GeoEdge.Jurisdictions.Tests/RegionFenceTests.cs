using GeoEdge.Geofencing;

namespace GeoEdge.Jurisdictions.Tests;

/// <summary>Region(code) as a fence for the uncertainty-aware evaluator.</summary>
[Collection(AtlasCollection.Name)]
public sealed class RegionFenceTests(AtlasFixture fixture)
{
    private static readonly GeoPoint Irun = new(43.3390, -1.7890);
    private static readonly GeoPoint Hendaye = new(43.3586, -1.7745);

    [Fact]
    public void Madrid_with_1_km_uncertainty_is_inside_spain()
    {
        var decision = GeofenceEvaluator.Evaluate(Policy("ES"), new GeoPoint(40.4168, -3.7038), 1000);
        Assert.Equal(GeofenceResult.Inside, decision.Result);
    }

    [Fact]
    public void A_point_200_m_from_the_french_border_with_1_km_uncertainty_is_indeterminate()
    {
        var nearBorder = TowardsSpain(BorderBetween(Irun, Hendaye), 200);
        Assert.Equal("ES", fixture.Atlas.LocateCountry(nearBorder.Latitude, nearBorder.Longitude));

        var decision = GeofenceEvaluator.Evaluate(Policy("ES"), nearBorder, 1000);
        Assert.Equal(GeofenceResult.Indeterminate, decision.Result);
        Assert.InRange(decision.DistanceToBoundaryMeters, 0, 250);
        // And the same point, known to the metre, is inside.
        Assert.Equal(GeofenceResult.Inside, GeofenceEvaluator.Evaluate(Policy("ES"), nearBorder, 1).Result);
    }

    [Fact]
    public void Subdivision_fences_work_too_and_unknown_codes_are_null()
    {
        Assert.Equal(GeofenceResult.Inside, GeofenceEvaluator.Evaluate(Policy("IN-UP"), new GeoPoint(26.8467, 80.9462), 1000).Result);
        Assert.Equal(GeofenceResult.Outside, GeofenceEvaluator.Evaluate(Policy("IN-UP"), new GeoPoint(28.6139, 77.2090), 1000).Result);
        Assert.Null(fixture.Atlas.Region("ZZ"));
        Assert.Null(fixture.Atlas.Region("es"));
    }

    private GeofencePolicy Policy(string code) => new($"in-{code}", 1, fixture.Atlas.Region(code)!);

    /// <summary>Bisects the segment from a Spanish to a French point down to where the data's border crosses it.</summary>
    private GeoPoint BorderBetween(GeoPoint spain, GeoPoint france)
    {
        Assert.Equal("ES", fixture.Atlas.LocateCountry(spain.Latitude, spain.Longitude));
        Assert.Equal("FR", fixture.Atlas.LocateCountry(france.Latitude, france.Longitude));
        double lo = 0, hi = 1;
        for (var i = 0; i < 40; i++)
        {
            var mid = (lo + hi) / 2;
            var p = Lerp(spain, france, mid);
            if (fixture.Atlas.LocateCountry(p.Latitude, p.Longitude) == "ES") lo = mid; else hi = mid;
        }
        return Lerp(spain, france, lo);
    }

    private static GeoPoint TowardsSpain(GeoPoint border, double meters)
    {
        var total = Geofencing.Geodesy.Haversine.DistanceMeters(border, Irun);
        return Lerp(border, Irun, meters / total);
    }

    private static GeoPoint Lerp(GeoPoint a, GeoPoint b, double t) =>
        new(a.Latitude + (b.Latitude - a.Latitude) * t, a.Longitude + (b.Longitude - a.Longitude) * t);
}
