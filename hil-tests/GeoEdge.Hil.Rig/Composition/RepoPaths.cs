namespace GeoEdge.Hil.Rig.Composition;

/// <summary>Where the built agent and bridge are, found from the repository root (the folder with GeoEdge.sln).</summary>
public static class RepoPaths
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Root { get; } = FindRoot();

    public static string BridgeDll => Built("cloud-bridge/GeoEdge.Bridge", "geoedge-bridge.dll");

    public static string AgentDll => Built("firmware-agent/GeoEdge.Agent", "geoedge-agent.dll");

    /// <summary>../shared/testdata beside the repository (real data captured by other projects).</summary>
    public static string SharedTestData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "testdata"));

    private static string Built(string project, string file)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", file);
        return File.Exists(path) ? path
            : throw new Processes.RigException($"{path} does not exist: build the solution first (./geoedge build)");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GeoEdge.sln"))) return dir.FullName;
        throw new Processes.RigException($"no GeoEdge.sln above {AppContext.BaseDirectory}");
    }
}
