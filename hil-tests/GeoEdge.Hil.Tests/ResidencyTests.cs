using System.Net;
using System.Security.Cryptography;
using System.Text;
using GeoEdge.Ear;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Tpm2;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// Proof of residency: the agent countersigns the bridge's EAR with a TPM quote over its SHA-256 and
/// serves both on its Unix socket; a workload verifies it with the wire contract's TPM codecs against
/// the AK the bridge registered for the host.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // file modes are POSIX; the rig runs on Linux
public class ResidencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_the_first_result_the_socket_serves_the_bridges_EAR_countersigned_by_the_registered_AK()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        using var workload = new WorkloadSocketClient(rig.Agent.SocketPath);
        var published = new Dictionary<ulong, ResultMessage>();
        var first = (await rig.ResultsAsync(1, output))[0];
        published[first.Seq] = first;

        var proof = await workload.ResidencyAsync(first.Seq, TimeSpan.FromSeconds(30));
        // The agent may have countersigned a later result by now: collect the bridge's until that one.
        while (!published.ContainsKey(proof.Seq))
            foreach (var r in await rig.ResultsAsync(1, output)) published[r.Seq] = r;
        output.WriteLine($"residency proof for reading {proof.Seq}, countersigned {proof.CountersignedAt:O}");

        Assert.Equal("edge-01", proof.HostId);
        Assert.Equal(published[proof.Seq].Ear, proof.Ear);
        var earSha256 = SHA256.HashData(Encoding.ASCII.GetBytes(proof.Ear));
        Assert.Equal(Convert.ToHexStringLower(earSha256), proof.EarSha256);

        var attest = TpmsAttest.Parse(proof.QuoteAttest); // checks TPM_GENERATED_VALUE
        Assert.Equal(TpmStructureTag.AttestQuote, attest.Type);
        Assert.Equal(earSha256, attest.ExtraData);
        var ak = TpmPublic.ParseTpm2b(proof.AkPublic);
        var signature = TpmSignature.Parse(proof.QuoteSignature);
        Assert.True(signature.Verify(ak, attest.Marshalled), "the quote's signature does not verify with the AK public key");
        Assert.Equal(attest.Quote!.PcrDigest, PcrDigest.Compute(signature.Hash, attest.Quote.PcrSelect, (_, index) => proof.Pcrs.GetValueOrDefault(index)));

        // The AK is the one the bridge registered for this host, not merely one the agent names.
        var host = await rig.Bridge.GetJsonAsync("/v1/hosts/edge-01");
        Assert.Equal(host.GetProperty("akName").GetString(), Convert.ToHexStringLower(ak.ComputeName()));
        Assert.Equal(host.GetProperty("akName").GetString(), proof.AkName);

        // The EAR itself is the bridge's, signed with a key it publishes.
        var jwks = Jwks.Parse((await rig.Bridge.GetJsonAsync("/v1/keys")).GetRawText());
        Assert.True(EarJwt.Verify(proof.Ear, jwks, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60)).IsValid);

        // The quote binds this EAR and no other: another result's EAR does not match its qualifying data.
        var other = await rig.ResultsAsync(1, output);
        Assert.NotEqual(SHA256.HashData(Encoding.ASCII.GetBytes(other[0].Ear)), attest.ExtraData);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(rig.Agent.SocketPath));
        using var health = await workload.GetAsync("/v1/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var wrong = await workload.GetAsync("/v1/nothing");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    [Fact]
    public async Task A_restarted_agent_serves_its_last_countersigned_result_at_once_and_removes_the_socket_when_stopped()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        using var workload = new WorkloadSocketClient(rig.Agent.SocketPath);
        var first = (await rig.ResultsAsync(1, output))[0];
        await workload.ResidencyAsync(first.Seq, TimeSpan.FromSeconds(30));

        rig.Agent.Stop();
        Assert.Equal(0, rig.Agent.Process.ExitCode);
        Assert.False(File.Exists(rig.Agent.SocketPath), "the agent left its socket behind after SIGTERM");
        var kept = Wire.WireJson.Decode<ResidencyProof>(File.ReadAllBytes(Path.Combine(rig.Agent.StateDirectory, "residency.json")));

        rig.Agent.Start();
        // The very first answer of the new run is the kept proof (or a later one), never "no result yet".
        HttpResponseMessage? response = null;
        for (var i = 0; i < 150 && response is null; i++)
        {
            try { response = await workload.GetAsync("/v1/residency"); }
            catch (HttpRequestException) { await Task.Delay(200); }
        }
        Assert.NotNull(response);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var served = Wire.WireJson.Decode<ResidencyProof>(await response.Content.ReadAsByteArrayAsync());
            Assert.True(served.Seq >= kept.Seq, $"served {served.Seq}, kept {kept.Seq}");
        }
    }
}
