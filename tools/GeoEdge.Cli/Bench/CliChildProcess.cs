using System.Diagnostics;
using System.Text.Json;

namespace GeoEdge.Cli.Bench;

/// <summary>What a `geoedge-cli` child printed, and how it exited.</summary>
public sealed record CliChildResult(int ExitCode, JsonElement Json, string Stderr);

/// <summary>
/// Runs this same CLI (the geoedge-cli.dll this process was started from) as a child process, so that a
/// measurement such as the peak working set belongs to that one run and not to everything run before it.
/// </summary>
public static class CliChildProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string CliDll => typeof(CliChildProcess).Assembly.Location;

    /// <summary>The dotnet host running us when there is one (`dotnet geoedge-cli.dll`), else `dotnet` from PATH.</summary>
    private static string DotnetHost =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    /// <summary>Runs the child and parses its stdout as one JSON object; exit status 2 or unreadable output is an error.</summary>
    public static async Task<CliChildResult> RunJsonAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {DotnetHost} {CliDll}");
        var stdout = child.StandardOutput.ReadToEndAsync(ct);
        var stderr = child.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException($"geoedge-cli {string.Join(' ', args)} did not finish within {Timeout.TotalMinutes} minutes");
        }
        var output = await stdout;
        var errors = await stderr;
        if (child.ExitCode is not (0 or 1))
            throw new InvalidOperationException($"geoedge-cli {string.Join(' ', args)} exited with {child.ExitCode}: {errors.Trim()}");
        try
        {
            using var document = JsonDocument.Parse(output);
            return new CliChildResult(child.ExitCode, document.RootElement.Clone(), errors);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"geoedge-cli {string.Join(' ', args)} did not print one JSON object: {e.Message}", e);
        }
    }
}
