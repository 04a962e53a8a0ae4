using GeoEdge.Ear;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;
using Xunit;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// What the OSNMA tests watch: the agent's readings as they cross the broker, the verdicts the bridge sends
/// back as the rig's GNSS receiver changes, and the signed EAR behind a verdict.
/// </summary>
internal static class GnssObservations
{
    private static readonly TimeSpan ReadingTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The next reading the agent publishes that matches, among at most <paramref name="maxReadings"/>.</summary>
    public static async Task<Reading> ReadingWhereAsync(this ReadingTap tap, Func<Reading, bool> match, int maxReadings, ITestOutputHelper output)
    {
        for (var i = 0; i < maxReadings; i++)
        {
            var reading = CanonicalReading.Decode((await tap.NextAsync(ReadingTimeout)).Reading);
            output.WriteLine($"reading seq {reading.Seq}: {Describe(reading.Fix)}");
            if (match(reading)) return reading;
        }
        throw new Xunit.Sdk.XunitException($"no matching reading among {maxReadings}");
    }

    /// <summary>Galileo satellites of the fix whose navigation data OSNMA has authenticated.</summary>
    public static List<GnssSatellite> AuthenticatedGalileo(GnssFixReport? fix) =>
        fix?.Satellites?.Where(s => s.System == GnssSystems.Galileo && s.Osnma?.NavData.Authenticated == true).ToList() ?? [];

    /// <summary>A fix the bridge can affirm: every satellite used is Galileo with authenticated navigation data, at least four.</summary>
    public static bool IsFullyAuthenticated(GnssFixReport? fix) =>
        fix?.Satellites is { Count: >= 4 } used && AuthenticatedGalileo(fix).Count == used.Count;

    /// <summary>
    /// Waits for the rig's verdicts to follow a change made to it: within <paramref name="within"/> results one must
    /// match <paramref name="expected"/> (the ones before it judged readings made before the change reached the
    /// agent, or OSNMA was not done yet), and every one of the <paramref name="thenHold"/> results after it must too.
    /// Returns the matching results.
    /// </summary>
    public static async Task<List<ResultMessage>> ExpectSwitchAsync(this GeoEdgeRig rig, string what, Func<ResultMessage, bool> expected,
        ITestOutputHelper output, int within, int thenHold)
    {
        var results = new List<ResultMessage>();
        for (var i = 0; results.Count == 0; i++)
        {
            if (i == within) throw new Xunit.Sdk.XunitException($"no {what} within {within} results");
            var result = await rig.NextResultAsync(output);
            if (expected(result)) results.Add(result);
        }
        for (var i = 0; i < thenHold; i++)
        {
            var result = await rig.NextResultAsync(output);
            Assert.True(expected(result), $"seq {result.Seq} after a {what}: {result.EarStatus}/{result.Geofence} {string.Join("; ", result.Reasons)}");
            results.Add(result);
        }
        return results;
    }

    public static async Task<ResultMessage> NextResultAsync(this GeoEdgeRig rig, ITestOutputHelper output)
    {
        var result = (await rig.ResultsAsync(1, output, timeoutSeconds: 15))[0];
        output.WriteLine($"result seq {result.Seq}: {result.EarStatus} {result.Geofence} {string.Join("; ", result.Reasons)}");
        return result;
    }

    /// <summary>The EAR behind a result, verified with the bridge's published keys.</summary>
    public static async Task<GeoEdge.Ear.Ear> VerifiedEarAsync(this GeoEdgeRig rig, ResultMessage result)
    {
        var jwks = Jwks.Parse((await rig.Bridge.GetJsonAsync("/v1/keys")).GetRawText());
        var verification = EarJwt.Verify(result.Ear, jwks, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
        Assert.True(verification.IsValid, verification.ToString());
        return verification.Ear!;
    }

    private static string Describe(GnssFixReport? fix) => fix is null ? "no fix"
        : $"{fix.Satellites?.Count.ToString() ?? "?"} satellites used, {AuthenticatedGalileo(fix).Count} authenticated, "
          + $"nmas {fix.Osnma?.Nmas ?? "-"}, start {fix.Osnma?.StartMode ?? "-"}, time {fix.Osnma?.TimeSource ?? "-"}, "
          + $"spoofing {fix.Receiver?.Spoofing ?? "-"}, jamming {fix.Receiver?.Jamming ?? "-"}";
}
