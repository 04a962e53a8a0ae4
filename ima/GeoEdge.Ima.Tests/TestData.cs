namespace GeoEdge.Ima.Tests;

/// <summary>Real TPM data in ../shared/testdata/tpm beside the repository root (the folder with GeoEdge.sln).</summary>
internal static class TestData
{
    public static string Tpm(string relative) => Path.Combine(Root, "..", "shared", "testdata", "tpm", relative);

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GeoEdge.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no GeoEdge.sln above {AppContext.BaseDirectory}");
    }
}
