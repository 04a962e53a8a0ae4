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
    public static LocationClaim? From(LocationAssessment assessment)
    {
        if (assessment.Composite is not { } c) return null;
        var network = assessment.Network is { } n
            ? new NetworkClaim(Name(n.Result), n.MatchRate, n.CenterLatitude, n.CenterLongitude, n.RadiusMeters)
            : null;
        return new LocationClaim(c.Grade.ToString(), c.Latitude, c.Longitude, c.RadiusMeters,
            c.Sources.Select(s => new SourceClaim(Name(s.Source), Name(s.State), s.DistanceMeters)).ToList(), network, [.. assessment.Notes]);
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

public sealed record SourceClaim(string Source, string State, double? DistanceMeters);

/// <summary>The operator's verificationResult (true, false, partial, unknown) about the circle asked.</summary>
public sealed record NetworkClaim(string Result, int? MatchRate, double Latitude, double Longitude, double RadiusMeters);
