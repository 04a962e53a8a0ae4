using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GeoEdge.Hil.Rig.Processes;

/// <summary>
/// One external process of the rig (swtpm, mosquitto, socat, the bridge, the agent). Output goes
/// to a log file beside the rig's state; the process is stopped by PID: SIGTERM, then SIGKILL
/// after a grace period. Dispose always leaves no process behind.
/// </summary>
public sealed class RigProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly object _logLock = new();
    private bool _logClosed;

    public string Name { get; }
    public int Pid { get; }
    public string LogPath { get; }

    /// <summary>Raised for every line the process prints (stdout and stderr), after it is logged.</summary>
    public event Action<string>? Line;

    private RigProcess(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        Pid = process.Id;
        LogPath = logPath;
        _log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static RigProcess Start(string name, string fileName, IEnumerable<string> arguments, string logDirectory,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? logDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (key, value) in environment) info.Environment[key] = value;

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new RigException($"{name}: Process.Start returned nothing for {fileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new RigException($"{name}: cannot start '{fileName}' ({e.Message}); run ./geoedge test or scripts/install-deps.sh to install it", e);
        }
        var logPath = System.IO.Path.Combine(logDirectory, $"{name}.log");
        return new RigProcess(name, process, logPath);
    }

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines of the log, to put in an error message when a part misbehaves.</summary>
    public string Tail(int lines = 30)
    {
        lock (_logLock) if (!_logClosed) _log.Flush();
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(stream).ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new RigException($"{Name} (pid {Pid}) did not exit within {timeout.TotalSeconds:0.#} s");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, wait up to <paramref name="grace"/>, then SIGKILL.</summary>
    public void Stop(TimeSpan? grace = null)
    {
        if (_process.HasExited) return;
        Signal(Sigterm);
        if (!_process.WaitForExit(grace ?? TimeSpan.FromSeconds(5)))
            Kill9();
    }

    /// <summary>SIGKILL: the process gets no chance to clean up (used by the fault tests).</summary>
    public void Kill9()
    {
        if (_process.HasExited) return;
        Signal(Sigkill);
        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    private const int Sigterm = 15;
    private const int Sigkill = 9;

    private void Signal(int signal)
    {
        if (NativeKill(Pid, signal) != 0 && !_process.HasExited)
            throw new RigException($"{Name}: kill({Pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_logLock)
        {
            // The output readers can still hand over a buffered line after Dispose closed the log:
            // writing it would throw on a thread-pool thread and crash the whole test host.
            if (_logClosed) return;
            _log.WriteLine(line);
        }
        try { Line?.Invoke(line); }
        catch (Exception e) { lock (_logLock) if (!_logClosed) _log.WriteLine($"[rig] line handler failed: {e.Message}"); }
    }

    public void Dispose()
    {
        try { Stop(TimeSpan.FromSeconds(3)); }
        finally
        {
            _process.Dispose();
            lock (_logLock)
            {
                _logClosed = true;
                _log.Dispose();
            }
        }
    }
}
