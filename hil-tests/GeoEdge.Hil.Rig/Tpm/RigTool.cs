using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Tpm;

/// <summary>
/// Runs a one-shot command-line tool of the rig (swtpm_setup, swtpm_localca, tpm2-tools) to
/// completion through <see cref="RigProcess"/>, so its output lands in the rig's log directory and
/// a hung tool is killed by PID instead of blocking the test run.
/// </summary>
internal static class RigTool
{
    private static int _invocations;

    /// <summary>Runs the tool; returns every line it printed (stdout and stderr interleaved).</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string logName, string fileName, IReadOnlyList<string> arguments,
        string logDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null, Action<string>? onLine = null)
    {
        // One log per invocation: the log file is the complete output even for lines printed before
        // a Line handler could be attached.
        var uniqueName = $"{logName}-{Interlocked.Increment(ref _invocations):D3}";
        using var process = RigProcess.Start(uniqueName, fileName, arguments, logDirectory, environment);
        if (onLine is not null) process.Line += onLine;
        int exitCode;
        try
        {
            exitCode = await process.WaitForExitAsync(timeout);
        }
        catch (RigException e)
        {
            process.Kill9();
            throw new RigException($"{fileName} {string.Join(' ', arguments)} hung and was killed:\n{process.Tail()}", e);
        }
        // WaitForExitAsync returns once the redirected streams reached end of file, so the log is complete.
        var output = process.Tail(int.MaxValue);
        if (exitCode != 0)
            throw new RigException($"{fileName} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
