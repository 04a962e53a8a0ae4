namespace GeoEdge.Geofencing.Tests;

/// <summary>
/// Test geography. The Madrid outline is a simplified, hand-drawn hexagon around the city with
/// Casa de Campo (the big park west of the centre) cut out as a hole; the Lyon square is a second,
/// separate area for MultiPolygon tests. All coordinates are GeoJSON order: [longitude, latitude].
/// </summary>
internal static class KnownPlaces
{
    public const string MadridExterior = "[[-3.83,40.33],[-3.60,40.33],[-3.55,40.42],[-3.60,40.52],[-3.75,40.55],[-3.85,40.45],[-3.83,40.33]]";
    public const string CasaDeCampoHole = "[[-3.78,40.40],[-3.74,40.40],[-3.74,40.44],[-3.78,40.44],[-3.78,40.40]]";
    public const string LyonSquare = "[[4.78,45.72],[4.90,45.72],[4.90,45.80],[4.78,45.80],[4.78,45.72]]";

    public static readonly string MadridPolygon = $$"""{"type":"Polygon","coordinates":[{{MadridExterior}},{{CasaDeCampoHole}}]}""";
    public static readonly string MadridAndLyon = $$"""{"type":"MultiPolygon","coordinates":[[{{MadridExterior}},{{CasaDeCampoHole}}],[{{LyonSquare}}]]}""";

    public static readonly GeoPoint PuertaDelSol = new(40.4169, -3.7035);
    public static readonly GeoPoint InsideCasaDeCampo = new(40.42, -3.76);
    public static readonly GeoPoint LyonBellecour = new(45.7578, 4.8320);
    public static readonly GeoPoint Toledo = new(39.8628, -4.0273);

    /// <summary>Notre-Dame de Paris and Trafalgar-area London, for the published ~343.5 km Paris-London figure.</summary>
    public static readonly GeoPoint Paris = new(48.8566, 2.3522);
    public static readonly GeoPoint London = new(51.5074, -0.1278);
}
