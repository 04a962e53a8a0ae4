using GeoEdge.Wire.Messages;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

internal static class RestartResults
{
    private const string NoGnssFix = "no-gnss-fix:";

    /// <summary>
    /// The next <paramref name="count"/> genuine results (<see cref="Verdicts.IsGenuine(ResultMessage)"/>) of edge-01 above <paramref name="afterSeq"/>,
    /// failing at once on any other finding among them (a replay refusal is exactly what a restart must
    /// not cause). Readings made before the restarted GNSS reader had a fix are skipped.
    /// </summary>
    public static async Task<List<ResultMessage>> ResultsWhereAffirmingAsync(this Rig.Composition.GeoEdgeRig rig, int count, ulong afterSeq,
        ITestOutputHelper output)
    {
        var results = new List<ResultMessage>();
        while (results.Count < count)
        {
            var result = (await rig.ResultsAsync(1, output, timeoutSeconds: 30))[0];
            output.WriteLine($"result seq {result.Seq}: {result.EarStatus} {result.Geofence} {string.Join("; ", result.Reasons)}");
            // A reading made before the restart whose result the stopped agent never saw comes again from its outbox,
            // and the bridge answers it with the result it published then. Only new readings count here.
            if (result.HostId != "edge-01" || result.Seq <= afterSeq && result.EarStatus == "affirming") continue;
            if (result.Reasons.Count > 0 && result.Reasons.All(r => r.StartsWith(NoGnssFix, StringComparison.Ordinal))) continue;
            if (!Verdicts.IsGenuine(result))
            {
                output.WriteLine(rig.Diagnostics());
                throw new Xunit.Sdk.XunitException($"result seq {result.Seq} was {result.EarStatus}: {string.Join("; ", result.Reasons)}");
            }
            results.Add(result);
        }
        return results;
    }
}
