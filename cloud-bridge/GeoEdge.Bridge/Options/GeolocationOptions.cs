using GeoEdge.Geolocation;

namespace GeoEdge.Bridge.Options;

/// <summary>
/// The Geolocation service (GL, docs/bridge.md): where the cell database lives, how the sources are
/// weighed, which grade a location needs to be affirmed, and the operator's CAMARA API.
/// </summary>
public sealed class GeolocationOptions
{
    /// <summary>SQLite file of the cell database (table <c>cells</c>). Null: the bridge's own database file.</summary>
    public string? CellDatabase { get; set; }

    /// <summary>
    /// The lowest grade (A best ... F unusable, GRADES.md) a location may have and still be affirmed.
    /// D, the default, affirms an OSNMA-authenticated fix on its own; B demands that the serving cell or
    /// the network agree with it.
    /// </summary>
    public string MinimumGrade { get; set; } = "D";

    /// <summary>Fastest plausible travel between two readings, m/s (70 m/s = 252 km/h).</summary>
    public double MaxSpeedMps { get; set; } = 70;

    /// <summary>Multiplier on a cell's OpenCellID range when checking a fix against it.</summary>
    public double CellRangeFactor { get; set; } = 1.5;

    /// <summary>Floor for a cell's range, meters (cells seen by one phone have range 0).</summary>
    public double MinCellRangeMeters { get; set; } = 500;

    /// <summary>Added to every consistency tolerance before a contradiction is called, meters.</summary>
    public double MarginMeters { get; set; } = 500;

    /// <summary>The operator's Device Location Verification API; not used unless its BaseUrl is set.</summary>
    public NetworkLocationOptions Camara { get; set; } = new();

    /// <exception cref="InvalidOperationException">MinimumGrade is not one of A, B, C, D.</exception>
    public LocationGrade ParsedMinimumGrade() =>
        MinimumGrade?.Trim().ToUpperInvariant() switch
        {
            "A" => LocationGrade.A,
            "B" => LocationGrade.B,
            "C" => LocationGrade.C,
            "D" => LocationGrade.D,
            _ => throw new InvalidOperationException($"Bridge:Geolocation:MinimumGrade '{MinimumGrade}' must be A, B, C or D (F is never affirmed)"),
        };

    /// <exception cref="InvalidOperationException">a tolerance is out of range; the message names it.</exception>
    public FusionOptions Fusion()
    {
        var fusion = new FusionOptions { MaxSpeedMps = MaxSpeedMps, CellRangeFactor = CellRangeFactor, MinCellRangeMeters = MinCellRangeMeters, MarginMeters = MarginMeters };
        try
        {
            fusion.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Bridge:Geolocation: {e.Message}", e);
        }
        return fusion;
    }
}

/// <summary>CAMARA Device Location Verification v3 with OAuth 2.0 client credentials (docs/bridge.md).</summary>
public sealed class NetworkLocationOptions
{
    /// <summary>API root; the bridge posts to {BaseUrl}/location-verification/v3/verify. Null: no network source.</summary>
    public string? BaseUrl { get; set; }

    public string? TokenUrl { get; set; }
    public string? ClientId { get; set; }

    /// <summary>The client secret itself; prefer <see cref="ClientSecretFile"/> so that it stays out of the config.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>File holding the client secret (its first line).</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>The scope the token is asked for; CAMARA's profile requires one.</summary>
    public string Scope { get; set; } = "location-verification:verify";

    /// <summary>Oldest network location the operator may answer from (CAMARA maxAge), seconds.</summary>
    public int MaxAgeSeconds { get; set; } = 120;

    /// <summary>
    /// Smallest circle asked about, meters: operators refuse circles below what their location can
    /// resolve (INVALID_AREA). The circle is the fix's uncertainty when that is larger.
    /// </summary>
    public int MinRadiusMeters { get; set; } = 2000;

    /// <summary>
    /// A host's previous answer is reused for this long, seconds, while the position stays inside the
    /// circle it answered about: operators charge per request. 0 asks on every reading.
    /// </summary>
    public int ReuseAnswerSeconds { get; set; } = 300;

    /// <summary>Bound on each exchange with the operator, seconds.</summary>
    public int RequestTimeoutSeconds { get; set; } = 10;
}
