using GeoEdge.Hil.Rig.Composition;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// The chain of trust starts at the TPM manufacturer: an EK certificate from a CA the bridge does not
/// trust (here swtpm's local CA, while the bridge keeps its shipped manufacturer CAs) ends enrollment.
/// </summary>
public class EnrollmentRefusalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_EK_certificate_from_an_unknown_CA_is_refused_and_the_agent_exits_3()
    {
        await using var rig = await RigFixture.StartAsync(output, new RigOptions { TrustSwtpmCa = false });
        rig.StartAgent();

        int exitCode;
        try
        {
            exitCode = await rig.Agent.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Rig.Processes.RigException)
        {
            output.WriteLine(rig.Diagnostics());
            throw;
        }

        var agentLog = rig.Agent.Process.Tail(200);
        output.WriteLine(agentLog);
        Assert.Equal(3, exitCode);
        Assert.Contains("ek-certificate-untrusted", agentLog, StringComparison.Ordinal);
        var hosts = await rig.Bridge.GetJsonAsync("/v1/hosts");
        Assert.Equal(0, hosts.GetArrayLength());
        var host = await rig.Bridge.Http.GetAsync("/v1/hosts/edge-01");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, host.StatusCode);
    }
}
