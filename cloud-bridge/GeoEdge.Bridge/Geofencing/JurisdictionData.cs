using GeoEdge.Jurisdictions;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>The bridge's jurisdiction atlas, or null when it runs without boundaries (jurisdiction policies are then refused).</summary>
public sealed record JurisdictionData(JurisdictionAtlas? Atlas);
