namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

/// <summary>The official OSNMA test vectors in ../shared/testdata beside the repository root (the folder with GeoEdge.sln).</summary>
internal static class TestData
{
    public static string Osnma(string scenario) => Path.Combine(Root, "..", "shared", "testdata", "osnma", scenario);

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GeoEdge.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no GeoEdge.sln above {AppContext.BaseDirectory}");
    }
}
