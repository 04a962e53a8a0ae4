namespace GeoEdge.Hil.Rig.Processes;

/// <summary>
/// A private working directory for one rig: state, configs, sockets and the log of every process
/// started in it. Removed on dispose unless GEOEDGE_KEEP_RIG=1, so a failed run can be inspected.
/// </summary>
public sealed class RigDirectory : IDisposable
{
    public string Path { get; }

    public RigDirectory(string purpose)
    {
        var baseDir = Environment.GetEnvironmentVariable("GEOEDGE_RIG_DIR") ?? System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(baseDir, $"geoedge-{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..^24]);
        Directory.CreateDirectory(Path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Sub(string name)
    {
        var dir = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("GEOEDGE_KEEP_RIG") == "1") return;
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a process may still hold a file; the temp dir is cleaned by the OS */ }
        catch (UnauthorizedAccessException) { }
    }
}
