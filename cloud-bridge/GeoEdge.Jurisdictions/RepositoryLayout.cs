namespace GeoEdge.Jurisdictions;

/// <summary>Where the boundary files are when nobody says: artifacts/boundaries of the checkout the program was built from.</summary>
internal static class RepositoryLayout
{
    public const string EnvironmentVariable = "GEOEDGE_BOUNDARIES";

    public static string DefaultBoundariesDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoEdge.sln")))
                return Path.Combine(dir.FullName, "artifacts", "boundaries");
        }
        // Not run from a checkout: the working directory is the best remaining guess, and Load
        // names the path it looked in when the files are not there.
        return Path.GetFullPath(Path.Combine("artifacts", "boundaries"));
    }
}
