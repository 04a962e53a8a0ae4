using GeoEdge.Geofencing;
using GeoEdge.Jurisdictions;

namespace GeoEdge.Bridge.Geofencing;

/// <param name="Country">ISO 3166-1 alpha-2 code (grc.jurisdiction-country).</param>
/// <param name="Subdivision">ISO 3166-2 code (grc.jurisdiction-state); null when the disc is not wholly in one.</param>
public sealed record GeoJurisdiction(string Country, string? Subdivision);

/// <summary>
/// The jurisdiction a location may be claimed to be in. A claim says "the host is in ES", so it is made
/// only when the whole uncertainty disc lies inside the region (the evaluator's Inside): a disc across a
/// border claims neither country, a disc inside ES across the Madrid/Castilla-La Mancha line claims ES only.
/// </summary>
public static class JurisdictionLocator
{
    public static GeoJurisdiction? Locate(JurisdictionAtlas atlas, GeoPoint point, double uncertaintyMeters)
    {
        var match = atlas.Locate(point.Latitude, point.Longitude);
        if (match.Country is not { } country || !WhollyInside(atlas, country, point, uncertaintyMeters)) return null;
        var subdivision = match.Subdivision is { } s && WhollyInside(atlas, s, point, uncertaintyMeters) ? s : null;
        return new GeoJurisdiction(country, subdivision);
    }

    // The atlas answers from its index, as the evaluator would over the whole region (JurisdictionAtlas.DiscWhollyInside):
    // a reading costs the edges near it, not every edge of the country.
    private static bool WhollyInside(JurisdictionAtlas atlas, string code, GeoPoint point, double uncertaintyMeters) =>
        atlas.DiscWhollyInside(code, point, uncertaintyMeters) == true;
}
