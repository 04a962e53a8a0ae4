using System.Text.Json;
using GeoEdge.Ear;

namespace GeoEdge.Bridge.ResultSigning;

/// <summary>
/// The geographic result claims of draft-richardson-rats-geographic-results in the location submodule:
/// an appraisal extension "ear.geographic-result-claims" (the draft's suggested JWT name) holding
/// grc.jurisdiction-country (ISO 3166-1 alpha-2), grc.jurisdiction-state (ISO 3166-2; the draft's JSON name
/// for its subdivision claim) and grc.basis. grc.jurisdiction-city is never claimed: the bridge has no city
/// boundaries. grc.basis is {"class": 1}, evidence: the location comes from the host's own quoted reading.
/// Beside them, geoedge.disclosed-area is the box or circle that bounding-box or circle disclosure reveals.
/// </summary>
internal static class GeographicClaims
{
    public const string Extension = "ear.geographic-result-claims";
    public const string Country = "grc.jurisdiction-country";
    public const string State = "grc.jurisdiction-state";
    public const string Basis = "grc.basis";
    public const string DisclosedArea = "geoedge.disclosed-area";

    /// <summary>geo-basis-class "evidence" (1) of the draft's CDDL.</summary>
    private const int EvidenceBasis = 1;

    public static void Add(Dictionary<string, JsonElement> extensions, LocationDisclosure disclosure)
    {
        if (disclosure.Jurisdiction is { } j)
            extensions[Extension] = ClaimValues.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString(Country, j.Country);
                // The draft requires the outer level whenever an inner one is present: a state only with its country.
                if (j.Subdivision is { } state) w.WriteString(State, state);
                w.WriteStartObject(Basis);
                w.WriteNumber("class", EvidenceBasis);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        if (disclosure.Box is { } box)
            extensions[DisclosedArea] = ClaimValues.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "bounding-box");
                w.WriteNumber("south", box.South);
                w.WriteNumber("west", box.West);
                w.WriteNumber("north", box.North);
                w.WriteNumber("east", box.East);
                w.WriteEndObject();
            });
        if (disclosure.Circle is { } circle)
            extensions[DisclosedArea] = ClaimValues.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("type", "circle");
                w.WriteStartObject("center");
                w.WriteNumber("lat", circle.Latitude);
                w.WriteNumber("lon", circle.Longitude);
                w.WriteEndObject();
                w.WriteNumber("radiusMeters", circle.RadiusMeters);
                w.WriteEndObject();
            });
    }
}
