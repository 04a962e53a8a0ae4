using GeoEdge.Bridge.Geofencing;
using GeoEdge.Bridge.Verification;
using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.ResultSigning;

/// <summary>
/// What a result may say about where the host is, under the most restrictive disclosure of its policies
/// (docs/bridge.md, "Disclosure"). Precise: everything as GL computed it. Circle and bounding-box: a
/// grid-snapped area holding the location disc, and the plain latitude/longitude/uncertainty are the disc
/// around that area. Approximate and none: no coordinates at all. Below precise, no distance to a boundary
/// either (with a known circle it places the host on a ring), and the details of location findings and
/// notes are withheld (they name positions and distances): their codes remain.
/// </summary>
public sealed class LocationDisclosure
{
    public const string Withheld = "detail withheld by the policy's disclosure";

    public Disclosure Disclosure { get; }
    public bool Precise => Disclosure.Level == DisclosureLevel.Precise;
    public double? Latitude { get; }
    public double? Longitude { get; }
    public double? UncertaintyMeters { get; }
    public DisclosedBox? Box { get; }
    public DisclosedCircle? Circle { get; }

    /// <summary>The jurisdiction the result claims (grc.*): none under "none".</summary>
    public GeoJurisdiction? Jurisdiction { get; }

    public IReadOnlyList<Finding> Findings { get; }
    public IReadOnlyList<string> Notes { get; }

    public LocationDisclosure(LocationAssessment location)
    {
        Disclosure = location.Disclosure;
        Jurisdiction = Disclosure.RevealsJurisdiction ? location.Jurisdiction : null;
        Findings = Precise ? location.Findings : location.Findings.Select(f => new Finding(f.Code, Withheld)).ToList();
        Notes = Precise ? location.Notes : location.Notes.Select(n => $"{n.Split(':')[0]}: {Withheld}").ToList();
        if (location is not { Latitude: { } lat, Longitude: { } lon, UncertaintyMeters: { } u }) return;
        var point = new GeoPoint(lat, lon);
        switch (Disclosure.Level)
        {
            case DisclosureLevel.Precise:
                (Latitude, Longitude, UncertaintyMeters) = (lat, lon, u);
                break;
            case DisclosureLevel.Circle:
                Circle = AreaSnapping.Circle(point, u, Disclosure.SizeMeters);
                (Latitude, Longitude, UncertaintyMeters) = (Circle.Latitude, Circle.Longitude, Circle.RadiusMeters);
                break;
            case DisclosureLevel.BoundingBox:
                Box = AreaSnapping.Box(point, u, Disclosure.SizeMeters);
                var around = AreaSnapping.Enclosing(Box);
                (Latitude, Longitude, UncertaintyMeters) = (around.Latitude, around.Longitude, around.RadiusMeters);
                break;
        }
    }
}
