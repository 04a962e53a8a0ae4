using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Serial;

/// <summary>
/// Two pseudo-terminals joined by socat, standing in for a serial cable: the agent opens
/// <see cref="DevicePath"/>, a simulator opens <see cref="SimulatorPath"/>. Both are symlinks in
/// the rig directory, so <see cref="Stop"/> followed by <see cref="StartAgainAsync"/> makes the
/// device disappear and come back under the same path, like a USB receiver unplugged and
/// plugged in again (the /dev/pts numbers behind the links may change, as they would).
/// </summary>
public sealed class PtyPair : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private readonly string _logDirectory;
    private RigProcess? _socat;
    private int _starts;

    public string DevicePath { get; }
    public string SimulatorPath { get; }
    public int? Pid => _socat?.Pid;
    public bool IsRunning => _socat is { HasExited: false };

    private PtyPair(string directory, string name)
    {
        // socat splits its address arguments on ',' and ':'; such a path would be misread.
        if (directory.IndexOfAny([',', ':', '!', '\\', '"', '\'']) >= 0)
            throw new RigException($"pty pair: directory '{directory}' contains a character socat would misparse");
        _logDirectory = directory;
        DevicePath = Path.Combine(directory, $"{name}-device");
        SimulatorPath = Path.Combine(directory, $"{name}-simulator");
    }

    /// <summary>Starts socat with its links in <paramref name="directory"/> and waits until both work.</summary>
    public static async Task<PtyPair> StartAsync(string directory, string name = "tty")
    {
        var pair = new PtyPair(directory, name);
        try
        {
            await pair.StartAgainAsync();
        }
        catch
        {
            pair.Dispose();
            throw;
        }
        return pair;
    }

    /// <summary>Starts socat again after <see cref="Stop"/>; the links come back at the same paths.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning) throw new RigException($"pty pair {DevicePath}: socat (pid {Pid}) is still running");
        _socat?.Dispose();
        RemoveLinks();
        _starts++;
        _socat = RigProcess.Start($"socat-{Path.GetFileName(DevicePath)}-{_starts}", "socat",
            ["-d", "-d", $"pty,raw,echo=0,link={DevicePath}", $"pty,raw,echo=0,link={SimulatorPath}"], _logDirectory);
        await WaitUntilReadyAsync(_socat);
    }

    /// <summary>Stops socat by PID: both ptys and their links disappear.</summary>
    public void Stop()
    {
        _socat?.Stop(TimeSpan.FromSeconds(3));
        // socat unlinks on SIGTERM; after a SIGKILL the dangling links would still be there.
        RemoveLinks();
    }

    public void Dispose()
    {
        _socat?.Dispose();
        _socat = null;
        RemoveLinks();
    }

    private async Task WaitUntilReadyAsync(RigProcess socat)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (socat.HasExited)
                throw new RigException($"socat (pid {socat.Pid}) exited with {socat.ExitCode} before its ptys were ready:\n{socat.Tail()}");
            // File.Exists follows the links, so it is true only once the pts devices behind them exist;
            // the log line says socat is past setup and already moving bytes between the two.
            if (File.Exists(DevicePath) && File.Exists(SimulatorPath) && socat.Tail().Contains("starting data transfer loop"))
                return;
            await Task.Delay(20);
        }
        throw new RigException($"socat (pid {socat.Pid}) did not create {DevicePath} and {SimulatorPath} within {StartTimeout.TotalSeconds} s:\n{socat.Tail()}");
    }

    private void RemoveLinks()
    {
        foreach (var link in new[] { DevicePath, SimulatorPath })
        {
            try { File.Delete(link); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
