using GeoEdge.Bridge.Geofencing;
using GeoEdge.Geolocation;

namespace GeoEdge.Bridge.ResultSigning;

/// <summary>
/// GL's composite location in the location submodule (claim geoedge.location): the position and radius,
/// the grade, how each source related to it, the network's answer with the circle it was about, and the
/// notes that explain the grade. Source and state names are lower-case: gnss, cell, network, history;
/// primary, agrees, disagrees, inconclusive, absent.
/// </summary>
public sealed record LocationClaim(
    string Grade,
    double? Latitude,
    double? Longitude,
    double? RadiusMeters,
    List<SourceClaim> Sources,
    NetworkClaim? Network,
    List<string> Notes)
{
    /// <summary>Below precise disclosure the position, the network's circle and the notes' details are left out.</summary>
    public static LocationClaim? From(LocationAssessment assessment, LocationDisclosure disclosure)
    {
        if (assessment.Composite is not { } c) return null;
        var precise = disclosure.Precise;
        var network = assessment.Network is { } n
            ? new NetworkClaim(Name(n.Result), n.MatchRate, precise ? n.CenterLatitude : null, precise ? n.CenterLongitude : null, precise ? n.RadiusMeters : null)
            : null;
        return new LocationClaim(c.Grade.ToString(), precise ? c.Latitude : null, precise ? c.Longitude : null, precise ? c.RadiusMeters : null,
            c.Sources.Select(s => new SourceClaim(Name(s.Source), Name(s.State), s.DistanceMeters)).ToList(), network, [.. disclosure.Notes]);
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

public sealed record SourceClaim(string Source, string State, double? DistanceMeters);

/// <summary>The operator's verificationResult (true, false, partial, unknown) about the circle asked.</summary>
public sealed record NetworkClaim(string Result, int? MatchRate, double? Latitude, double? Longitude, double? RadiusMeters);
