using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Wire.Messages;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>Starts a whole rig for a test and collects its verdicts; on failure, the processes' logs go to the test output.</summary>
public static class RigFixture
{
    public static Task<GeoEdgeRig> StartAsync(ITestOutputHelper output, RigOptions? options = null) =>
        GeoEdgeRig.StartAsync(options ?? new RigOptions(), line => output.WriteLine($"rig: {line}"));

    /// <summary>The next <paramref name="count"/> results, failing with the rig's logs if they do not come.</summary>
    public static async Task<List<ResultMessage>> ResultsAsync(this GeoEdgeRig rig, int count, ITestOutputHelper output, int timeoutSeconds = 60)
    {
        var results = new List<ResultMessage>();
        try
        {
            for (var i = 0; i < count; i++) results.Add(await rig.Results.NextAsync(TimeSpan.FromSeconds(timeoutSeconds)));
        }
        catch (Rig.Processes.RigException)
        {
            output.WriteLine(rig.Diagnostics());
            throw;
        }
        return results;
    }

    /// <summary>
    /// The first affirming result with a position: the rig's agent reports unauthenticated fixes until OSNMA has
    /// verified enough tags (a KROOT, then a TESLA key a subframe later: one to two simulated minutes, a few seconds
    /// at the rig's replay speed), and the bridge never affirms those.
    /// </summary>
    public static Task<ResultMessage> AuthenticatedResultAsync(this GeoEdgeRig rig, ITestOutputHelper output) =>
        rig.ResultWhereAsync(r => r.Latitude is not null && r.EarStatus == "affirming", output, maxResults: 90);

    /// <summary>Results until one matches, skipping others (e.g. a reading made before the GNSS had a fix).</summary>
    public static async Task<ResultMessage> ResultWhereAsync(this GeoEdgeRig rig, Func<ResultMessage, bool> match, ITestOutputHelper output, int maxResults = 20)
    {
        for (var i = 0; i < maxResults; i++)
        {
            var result = (await rig.ResultsAsync(1, output))[0];
            output.WriteLine($"result seq {result.Seq}: {result.EarStatus} {result.Geofence} {string.Join("; ", result.Reasons)}");
            if (match(result)) return result;
        }
        output.WriteLine(rig.Diagnostics());
        throw new Xunit.Sdk.XunitException($"no matching result among {maxResults}");
    }
}
