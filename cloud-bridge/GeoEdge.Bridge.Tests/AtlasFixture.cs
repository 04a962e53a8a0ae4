using GeoEdge.Jurisdictions;

namespace GeoEdge.Bridge.Tests;

/// <summary>The real country and subdivision boundaries (scripts/fetch-boundaries.sh), loaded once for the classes that need them.</summary>
public sealed class AtlasFixture
{
    public JurisdictionAtlas Atlas { get; } = JurisdictionAtlas.Load(JurisdictionAtlas.DefaultDirectory);

    /// <summary>The same atlas as the bridge hands it to policy parsing and the assessor.</summary>
    public GeoEdge.Bridge.Geofencing.JurisdictionData Jurisdictions => GeoEdge.Bridge.Geofencing.JurisdictionData.Loaded(Atlas);
}

[CollectionDefinition(Name)]
public sealed class AtlasCollection : ICollectionFixture<AtlasFixture>
{
    public const string Name = "atlas";
}
