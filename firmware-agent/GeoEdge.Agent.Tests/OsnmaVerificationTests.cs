using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Gnss;
using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Tests;

/// <summary>
/// The agent's OSNMA glue over a real scenario: pages of the official eoc_step1 test vector, a simulated
/// trusted clock that the test moves with the pages, and what a reading would report.
/// </summary>
public class OsnmaVerificationTests
{
    private static readonly string Scenario = Path.Combine(RepoPaths.SharedTestData, "osnma", "eoc_step1");
    private static readonly AgentLog Log = new("test");

    [Fact]
    public void Satellites_become_authenticated_and_report_host_times_and_the_verifier_state()
    {
        using var dir = new TempDirectory();
        var pages = OsnmaTestVectorFile.Read(Directory.GetFiles(Scenario, "*.csv.gz").Single());
        var start = pages[0].Start;
        var host = new ManualTime(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var anchorUtc = host.Now;
        var config = SimulationConfig(start, anchorUtc, dir.Path);
        var osnma = OsnmaVerification.Create(config, dir.Path, Log, host)!;

        // Four simulated minutes at 1x: the host clock follows the page slots (page end = slot start + 2 s).
        foreach (var page in pages.TakeWhile(p => p.Start - start < 240))
        {
            host.Now = anchorUtc.AddSeconds(page.Start - start);
            osnma.OnPage(page);
        }

        var records = osnma.Records(host.Now);
        var authenticated = records.Where(r => r.Value.NavData.Authenticated).ToList();
        Assert.True(authenticated.Count >= 20, $"only {authenticated.Count} satellites authenticated");
        Assert.All(authenticated, r =>
        {
            var age = host.Now - r.Value.NavData.LastAuthenticated!.Value;
            Assert.InRange(age, TimeSpan.Zero, TimeSpan.FromSeconds(120));
        });
        var state = osnma.State();
        Assert.Equal((OsnmaNmas.Operational, OsnmaStartModes.Warm, TrustedTimeSources.Simulation, false),
            (state.Nmas, state.StartMode, state.TimeSource, state.AlertReceived));
        Assert.Equal(7, state.PublicKeyId);
    }

    [Fact]
    public void A_trusted_clock_far_from_the_signal_authenticates_nothing()
    {
        using var dir = new TempDirectory();
        var pages = OsnmaTestVectorFile.Read(Directory.GetFiles(Scenario, "*.csv.gz").Single());
        var host = new ManualTime(DateTimeOffset.UnixEpoch.AddYears(56));
        // The simulator's clock claims an hour later than the pages: every tag looks received after its key was public.
        var config = SimulationConfig(pages[0].Start.AddSeconds(3600), host.Now, dir.Path);
        var osnma = OsnmaVerification.Create(config, dir.Path, Log, host)!;
        foreach (var page in pages.TakeWhile(p => p.Start - pages[0].Start < 240))
        {
            host.Now = host.Now.AddMilliseconds(1);
            osnma.OnPage(page);
        }
        Assert.DoesNotContain(osnma.Records(host.Now).Values, r => r.NavData.Authenticated);
        Assert.True(osnma.Receiver.Counters.TagsUntimely > 0);
    }

    [Fact]
    public void Disabled_or_without_a_readable_merkle_tree_there_is_no_verifier()
    {
        using var dir = new TempDirectory();
        Assert.Null(OsnmaVerification.Create(new OsnmaConfig { Enabled = false }, dir.Path, Log));
        Assert.Null(OsnmaVerification.Create(new OsnmaConfig { MerkleTree = dir.File("missing.xml") }, dir.Path, Log));
        File.WriteAllText(dir.File("tree.xml"), "<not-a-tree/>");
        Assert.Null(OsnmaVerification.Create(new OsnmaConfig { MerkleTree = dir.File("tree.xml") }, dir.Path, Log));
    }

    private static OsnmaConfig SimulationConfig(GalileoSystemTime anchor, DateTimeOffset anchorUtc, string stateDirectory) => new()
    {
        MerkleTree = Path.Combine(Scenario, "OSNMA_MerkleTree.xml"),
        PublicKey = Directory.GetFiles(Scenario, "OSNMA_PublicKey*.xml").Single(),
        StateFile = Path.Combine(stateDirectory, "osnma-state.bin"),
        TrustedTime = TrustedTimeSources.Simulation,
        MaxTimeErrorSeconds = 2,
        SimulationAnchorGst = $"{anchor.WeekNumber}:{anchor.TimeOfWeek}",
        SimulationAnchorUtc = anchorUtc,
    };
}
