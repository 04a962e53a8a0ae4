namespace GeoEdge.Geolocation.Tests;

/// <summary>Real places (WGS-84) the fusion tests use, and helpers to build observations around them.</summary>
public static class Places
{
    public const double MadridLat = 40.41678, MadridLon = -3.70379;       // Puerta del Sol
    public const double LisbonLat = 38.72230, LisbonLon = -9.13930;       // Praça do Comércio area, ~503 km from Madrid
    public const double BarcelonaLat = 41.38740, BarcelonaLon = 2.16860;  // ~505 km from Madrid

    /// <summary>Meters per degree of latitude on the mean-radius sphere the library uses.</summary>
    public const double MetersPerDegreeLatitude = 6371008.8 * Math.PI / 180;

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static GnssObservation Fix(double lat = MadridLat, double lon = MadridLon, bool authenticated = true, double uncertainty = 5) =>
        new(lat, lon, uncertainty, authenticated, Now);

    public static CellObservation Cell(double lat, double lon, int range = 1200) =>
        CellObservation.Found(new CellRecord(RadioType.Lte, 214, 7, 28012, 26012345, lat, lon, range, 40, Now.AddDays(-30)));

    /// <summary>A Movistar LTE cell ~1.1 km north-north-east of Puerta del Sol.</summary>
    public static CellObservation MadridCell(int range = 1200) => Cell(40.4260, -3.7000, range);

    public static CellObservation LisbonCell() => Cell(LisbonLat, LisbonLon);

    public static NetworkObservation Network(VerificationResult result, double lat = MadridLat, double lon = MadridLon, double radius = 2000, int? matchRate = null) =>
        new(result, matchRate, lat, lon, radius);

    public static FusionInput Input(GnssObservation? gnss = null, CellObservation? cell = null, NetworkObservation? network = null,
        PreviousLocation? previous = null, FusionOptions? options = null, DateTimeOffset? time = null) =>
        new(gnss, cell, network, previous, options ?? FusionOptions.Default, time);

    /// <summary>The point <paramref name="meters"/> due north of Madrid.</summary>
    public static double NorthOfMadrid(double meters) => MadridLat + meters / MetersPerDegreeLatitude;
}
