using System.Diagnostics;
using System.Text.Json;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Hil.Rig.Processes;

/// <summary>What one run of geoedge-cli printed and how it exited.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout parsed as one JSON document (for --json runs).</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Stdout);
            return document.RootElement.Clone();
        }
    }
}

/// <summary>
/// Runs the built geoedge-cli.dll as users run it (`./geoedge COMMAND ...`): a separate process, so tests
/// see the real exit code, stdout and stderr, and a crash or a hang fails the test instead of the runner.
/// </summary>
public static class GeoEdgeCli
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static string Dll
    {
        get
        {
            var path = Path.Combine(RepoPaths.Root, "tools", "GeoEdge.Cli", "bin", RepoPaths.Configuration, "net10.0", "geoedge-cli.dll");
            return File.Exists(path) ? path
                : throw new InvalidOperationException(
                    $"{path} does not exist: build the CLI first (dotnet build tools/GeoEdge.Cli -c {RepoPaths.Configuration}, or ./geoedge build)");
        }
    }

    public static Task<CliRun> RunAsync(string command, params string[] args) => RunAsync(command, args, DefaultTimeout);

    public static async Task<CliRun> RunAsync(string command, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add(command);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"geoedge-cli {command} {string.Join(' ', start.ArgumentList.Skip(2))} did not finish within {timeout.TotalSeconds:0} s");
        }
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
