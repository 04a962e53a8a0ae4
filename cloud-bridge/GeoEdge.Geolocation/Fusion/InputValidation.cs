namespace GeoEdge.Geolocation;

/// <summary>
/// Refuses impossible observations before fusion: a NaN or out-of-range value would otherwise make
/// every comparison false and quietly turn a contradiction into agreement.
/// </summary>
internal static class InputValidation
{
    /// <summary>Larger than any meaningful uncertainty (Earth's half circumference is 20,000 km).</summary>
    private const double MaxRadiusMeters = 20_000_000;

    public static void Validate(FusionInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Options, nameof(input.Options));
        input.Options.Validate();
        if (input.Gnss is { } g)
        {
            Coordinates(g.Latitude, g.Longitude, "Gnss");
            Radius(g.UncertaintyMeters, "Gnss.UncertaintyMeters");
        }
        if (input.Cell is { Record: { } cell } observation)
        {
            if (!observation.Reported) throw new ArgumentException("a cell record without a reported cell", nameof(input.Cell));
            Coordinates(cell.Latitude, cell.Longitude, "Cell.Record");
            Radius(cell.RangeMeters, "Cell.Record.RangeMeters");
        }
        if (input.Network is { } n)
        {
            Coordinates(n.CenterLatitude, n.CenterLongitude, "Network.Center");
            Radius(n.RadiusMeters, "Network.RadiusMeters");
            if (n.RadiusMeters == 0) throw new ArgumentOutOfRangeException("Network.RadiusMeters", 0, "the circle asked must have a radius");
            if (n.MatchRate is { } rate && (n.Result != VerificationResult.Partial || rate is < 1 or > 99))
                throw new ArgumentOutOfRangeException("Network.MatchRate", rate, "a match rate is 1-99 and comes only with PARTIAL");
            if (!Enum.IsDefined(n.Result)) throw new ArgumentOutOfRangeException("Network.Result", n.Result, "not a verification result");
        }
        if (input.Stationary is { } anchor)
        {
            Coordinates(anchor.Latitude, anchor.Longitude, "Stationary");
            Radius(anchor.ToleranceMeters, "Stationary.ToleranceMeters");
        }
        if (input.Previous is { } p)
        {
            Coordinates(p.Latitude, p.Longitude, "Previous");
            Radius(p.RadiusMeters, "Previous.RadiusMeters");
        }
    }

    private static void Coordinates(double latitude, double longitude, string what)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            throw new ArgumentOutOfRangeException($"{what}.Latitude", latitude, "must be a finite number in [-90, 90]");
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            throw new ArgumentOutOfRangeException($"{what}.Longitude", longitude, "must be a finite number in [-180, 180]");
    }

    private static void Radius(double meters, string what)
    {
        if (!double.IsFinite(meters) || meters is < 0 or > MaxRadiusMeters)
            throw new ArgumentOutOfRangeException(what, meters, $"must be a finite number in [0, {MaxRadiusMeters}] meters");
    }
}
