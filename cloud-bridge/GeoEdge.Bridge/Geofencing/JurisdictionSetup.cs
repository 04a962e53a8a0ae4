using GeoEdge.Jurisdictions;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>Loads the jurisdiction atlas at startup (Bridge:Boundaries).</summary>
internal static class JurisdictionSetup
{
    /// <exception cref="JurisdictionDataException">a configured directory, or files present in the default one, do not load.</exception>
    public static JurisdictionData Load(string? configured, ILogger logger)
    {
        var directory = configured ?? JurisdictionAtlas.DefaultDirectory;
        if (configured is null && !File.Exists(Path.Combine(directory, JurisdictionAtlas.CountriesFileName)))
        {
            logger.LogWarning("no jurisdiction boundaries in {Directory} (scripts/fetch-boundaries.sh): jurisdiction policies are refused and results claim no jurisdiction", directory);
            return new JurisdictionData(null);
        }
        var started = DateTime.UtcNow;
        var atlas = JurisdictionAtlas.Load(directory);
        logger.LogInformation("jurisdictions: {Countries} countries from {Directory} in {Ms:0} ms", atlas.CountryCodes.Count, directory, (DateTime.UtcNow - started).TotalMilliseconds);
        return new JurisdictionData(atlas);
    }
}
