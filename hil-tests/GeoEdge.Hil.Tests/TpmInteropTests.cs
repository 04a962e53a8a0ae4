using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire.Readings;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// Quotes the agent makes must be ordinary TPM quotes that the TCG tooling accepts, not something
/// only our own bridge can read: tpm2_checkquote verifies a quote captured off the broker.
/// </summary>
public class TpmInteropTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Tpm2_checkquote_accepts_an_agent_quote_bound_to_its_reading_and_pcrs()
    {
        await using var rig = await RigFixture.StartAsync(output);
        await using var tap = await ReadingTap.StartAsync(rig.Broker.PlainPort, rig.Options.HostId);
        rig.StartAgent();

        var reading = await tap.NextAsync(TimeSpan.FromSeconds(30));
        var akPublic = AgentAkFile.ReadPublic(rig.Agent.StateDirectory);
        var digest = CanonicalReading.Digest(reading.Reading);
        var work = rig.Directory.Sub("interop");

        var genuine = await Tpm2CheckQuote.RunAsync(work, akPublic, reading, digest, reading.Pcrs, ToolTimeout);
        output.WriteLine($"genuine: {genuine}");
        Assert.True(genuine.ExitCode == 0, $"tpm2_checkquote refused the agent's quote: {genuine}");

        var otherDigest = (byte[])digest.Clone();
        otherDigest[0] ^= 0x01;
        var wrongQualification = await Tpm2CheckQuote.RunAsync(work, akPublic, reading, otherDigest, reading.Pcrs, ToolTimeout);
        output.WriteLine($"other qualifying data: {wrongQualification}");
        Assert.NotEqual(0, wrongQualification.ExitCode);
        Assert.Contains("nonce", wrongQualification.Output, StringComparison.OrdinalIgnoreCase);

        var changedPcrs = reading.Pcrs.ToDictionary(p => p.Key, p => (byte[])p.Value.Clone());
        changedPcrs[10][^1] ^= 0x01;
        var wrongPcrs = await Tpm2CheckQuote.RunAsync(work, akPublic, reading, digest, changedPcrs, ToolTimeout);
        output.WriteLine($"changed PCR 10: {wrongPcrs}");
        Assert.NotEqual(0, wrongPcrs.ExitCode);
        Assert.Contains("PCR values failed to match", wrongPcrs.Output, StringComparison.Ordinal);
    }
}
