using GeoEdge.Jurisdictions;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// Decides at startup where the jurisdiction atlas will come from (Bridge:Boundaries), without loading it:
/// the checks that need no parsing run now, so a wrong configured directory still stops the bridge at start.
/// </summary>
internal static class JurisdictionSetup
{
    /// <exception cref="JurisdictionDataException">a configured directory, or files present in the default one, are missing a file or hold one that is too large.</exception>
    public static JurisdictionData Prepare(string? configured, ILogger logger)
    {
        var directory = configured ?? JurisdictionAtlas.DefaultDirectory;
        if (configured is null && !File.Exists(Path.Combine(directory, JurisdictionAtlas.CountriesFileName)))
        {
            logger.LogWarning("no jurisdiction boundaries in {Directory} (scripts/fetch-boundaries.sh): jurisdiction policies are refused and results claim no jurisdiction", directory);
            return JurisdictionData.None;
        }
        JurisdictionAtlas.CheckFiles(directory);
        logger.LogInformation("jurisdictions: boundaries in {Directory}, loaded when a jurisdiction policy or claim first needs them", directory);
        return JurisdictionData.Deferred(directory, logger);
    }
}
