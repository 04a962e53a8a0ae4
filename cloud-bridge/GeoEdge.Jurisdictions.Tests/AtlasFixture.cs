namespace GeoEdge.Jurisdictions.Tests;

/// <summary>Loads the real boundary files once for every test class that needs them (loading takes about a second).</summary>
public sealed class AtlasFixture
{
    public JurisdictionAtlas Atlas { get; } = JurisdictionAtlas.Load(JurisdictionAtlas.DefaultDirectory);
}

[CollectionDefinition(Name)]
public sealed class AtlasCollection : ICollectionFixture<AtlasFixture>
{
    public const string Name = "atlas";
}
