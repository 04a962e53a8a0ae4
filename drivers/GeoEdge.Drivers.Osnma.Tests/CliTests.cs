using System.Diagnostics;
using System.Text.Json;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;
using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>
/// `geoedge-cli osnma` run as a process, the way an operator runs it: exit status, JSON on stdout, message on
/// stderr. The CLI must have been built (./geoedge test builds the whole solution first); a missing build fails.
/// </summary>
public sealed class CliTests(CliTests.Files files, ITestOutputHelper output) : IClassFixture<CliTests.Files>
{
    private static readonly string[] SameInBothFormats =
        ["pages", "dataSeconds", "crcFailures", "tagsAuthenticated", "tagsFailed", "navDataAuthenticated", "krootVerified",
         "krootFailed", "publicKeysVerified", "teslaKeysVerified", "teslaKeysFailed", "macseqFailed", "firstAuthenticatedSeconds", "satellitesAuthenticated"];

    [Fact]
    public async Task Configuration1_with_its_public_key_exits_0_with_every_tag_verified()
    {
        var run = await files.Configuration1Csv.Value;
        var json = run.Json;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("test-vector-csv", json.GetProperty("format").GetString());
        Assert.Equal("warm", json.GetProperty("startMode").GetString());
        Assert.Equal(0, json.GetProperty("tagsFailed").GetInt64());
        Assert.True(json.GetProperty("tagsAuthenticated").GetInt64() > 10_000);
        Assert.InRange(json.GetProperty("firstAuthenticatedSeconds").GetInt64(), 1, 180);
        Assert.Equal(3600, json.GetProperty("dataSeconds").GetInt64());
        Assert.True(json.GetProperty("loadSeconds").GetDouble() > 0);
        Assert.True(json.GetProperty("processingSeconds").GetDouble() > 0);
        Assert.InRange(json.GetProperty("peakWorkingSetBytes").GetInt64(), 10L << 20, 2L << 30);
    }

    [Fact]
    public async Task Configuration1_as_a_gzipped_UBX_capture_gives_the_same_counters_as_the_CSV()
    {
        var scenario = OsnmaScenario.Named("configuration_1");
        var capture = files.Directory.File("configuration_1.ubx.gz");
        UbxRecordingWriter.WriteFile(capture, scenario.Pages);
        var ubx = await GeoEdgeCli.RunAsync("osnma", capture, "--merkle", scenario.MerkleTree, "--pubkey", scenario.PublicKey!, "--json");
        var csv = await files.Configuration1Csv.Value;
        output.WriteLine(ubx.Stdout);
        Assert.Equal(0, ubx.ExitCode);
        Assert.Equal("ubx", ubx.Json.GetProperty("format").GetString());
        foreach (var counter in SameInBothFormats)
            Assert.True(csv.Json.GetProperty(counter).GetRawText() == ubx.Json.GetProperty(counter).GetRawText(),
                $"{counter}: CSV {csv.Json.GetProperty(counter).GetRawText()}, UBX {ubx.Json.GetProperty(counter).GetRawText()}");
        Assert.Equal(csv.Json.GetProperty("subframes").GetRawText(), ubx.Json.GetProperty("subframes").GetRawText());
    }

    [Fact]
    public async Task Configuration2_starts_cold_from_the_Merkle_tree_and_hot_with_the_start_KROOT_authenticates_sooner()
    {
        var scenario = OsnmaScenario.Named("configuration_2");
        var csv = Directory.GetFiles(scenario.Folder, "*.csv.gz").Single();
        var cold = await GeoEdgeCli.RunAsync("osnma", csv, "--merkle", scenario.MerkleTree, "--json");
        var hot = await GeoEdgeCli.RunAsync("osnma", csv, "--merkle", scenario.MerkleTree, "--pubkey", scenario.PublicKey!, "--kroot", scenario.StartKroot!, "--json");
        output.WriteLine($"cold: {cold.Stdout}\nhot: {hot.Stdout}");
        Assert.Equal((0, 0), (cold.ExitCode, hot.ExitCode));
        Assert.Equal(("cold", "hot"), (cold.Json.GetProperty("startMode").GetString(), hot.Json.GetProperty("startMode").GetString()));
        Assert.True(cold.Json.GetProperty("publicKeysVerified").GetInt64() > 0, "cold start: the key must come from DSM-PKR");
        Assert.True(cold.Json.GetProperty("tagsAuthenticated").GetInt64() > 1000);
        Assert.Equal(0, cold.Json.GetProperty("tagsFailed").GetInt64());
        Assert.Equal(0, hot.Json.GetProperty("tagsFailed").GetInt64());
        Assert.True(hot.Json.GetProperty("firstAuthenticatedSeconds").GetInt64() < cold.Json.GetProperty("firstAuthenticatedSeconds").GetInt64());
    }

    [Theory]
    [InlineData("missing file", "file does not exist")]
    [InlineData("empty file", "no Galileo I/NAV page")]
    [InlineData("garbage bytes", "no Galileo I/NAV page")]
    [InlineData("truncated gzip", "truncated")]
    [InlineData("CSV with a bad row", "line 4")]
    [InlineData("Merkle tree that is not XML", "not well-formed XML")]
    [InlineData("no --merkle", "--merkle TREE.xml is required")]
    [InlineData("unknown option", "unknown option --frobnicate")]
    public async Task Unusable_input_exits_2_with_a_message_naming_the_problem(string problem, string message)
    {
        var scenario = OsnmaScenario.Named("configuration_1");
        var csv = Directory.GetFiles(scenario.Folder, "*.csv.gz").Single();
        var dir = files.Directory.Sub(problem.Replace(' ', '-'));
        string Written(string name, byte[] content)
        {
            var path = Path.Combine(dir, name);
            File.WriteAllBytes(path, content);
            return path;
        }
        // Test-vector names carry the start time; the bad files keep that form so only their content is wrong.
        const string vectorName = "16_AUG_2023_GST_05_00_01.csv";
        string[] args = problem switch
        {
            "missing file" => [Path.Combine(dir, "absent.ubx"), "--merkle", scenario.MerkleTree],
            "empty file" => [Written("empty.ubx", []), "--merkle", scenario.MerkleTree],
            "garbage bytes" => [Written("garbage.ubx", Garbage(64 * 1024)), "--merkle", scenario.MerkleTree],
            "truncated gzip" => [Written(vectorName + ".gz", File.ReadAllBytes(csv)[..(int)(new FileInfo(csv).Length / 2)]), "--merkle", scenario.MerkleTree],
            "CSV with a bad row" => [Written(vectorName, System.Text.Encoding.ASCII.GetBytes(
                $"SVID,NumNavBits,NavBitsHEX\n1,240,{new string('0', 60)}\n2,240,{new string('0', 60)}\n3,240,{new string('z', 60)}\n")), "--merkle", scenario.MerkleTree],
            "Merkle tree that is not XML" => [csv, "--merkle", Written("tree.xml", "<MerkleTree><root>00"u8.ToArray())],
            "no --merkle" => [csv, "--pubkey", scenario.PublicKey!],
            "unknown option" => [csv, "--merkle", scenario.MerkleTree, "--frobnicate"],
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "no such case"),
        };
        var run = await GeoEdgeCli.RunAsync("osnma", args);
        output.WriteLine($"{problem}: exit {run.ExitCode}, stderr: {run.Stderr}");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout.Trim());
    }

    [Fact]
    public async Task A_recording_with_one_satellites_ephemeris_forged_exits_1_with_failed_tags()
    {
        var scenario = OsnmaScenario.Named("configuration_1");
        var start = scenario.Pages[0].Start;
        var twentyMinutes = scenario.Pages.Where(p => p.Start - start < 20 * 60).ToList();
        var honest = scenario.Receiver(scenario.Anchors());
        OsnmaScenario.Feed(honest, twentyMinutes);
        Assert.Equal(0, honest.Counters.TagsFailed);
        var victim = honest.Satellites.Where(s => s.NavDataAuthenticatedAt is not null).Min(s => s.Svid);

        // Word type 1 carries ephemeris (M0 at word bit 40 = page bit 42): flip it, then make the CRC right again,
        // as a spoofer would, so that only OSNMA can tell.
        var forged = twentyMinutes.Select(p => p.Svid == victim && PageEditor.WordType(p) == 1 ? Forge(p) : p).ToList();
        Assert.True(forged.Where((p, i) => !ReferenceEquals(p, twentyMinutes[i])).Count() > 10, "the victim's word type 1 pages were forged");
        var capture = files.Directory.File("forged.ubx");
        UbxRecordingWriter.WriteFile(capture, forged);
        var run = await GeoEdgeCli.RunAsync("osnma", capture, "--merkle", scenario.MerkleTree, "--pubkey", scenario.PublicKey!, "--json");
        output.WriteLine($"victim E{victim:00}: {run.Stdout}");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(0, run.Json.GetProperty("crcFailures").GetInt64());
        Assert.True(run.Json.GetProperty("tagsFailed").GetInt64() > 0);
        Assert.True(run.Json.GetProperty("tagsAuthenticated").GetInt64() > 0, "the other satellites still authenticate");
    }

    private static GalileoPage Forge(GalileoPage page)
    {
        var bits = page.Bits.ToArray();
        PageEditor.Flip(bits, 42);
        return page with { Bits = GalileoInavPage.FromPageBytes(bits).WithRecomputedCrc().PageBytes.ToArray() };
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(20231006).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A scratch directory for the class, and configuration_1's CSV run, which two tests compare against.</summary>
    public sealed class Files : IDisposable
    {
        public RigDirectory Directory { get; } = new("osnma-cli");

        public Lazy<Task<CliRun>> Configuration1Csv { get; } = new(() =>
        {
            var scenario = OsnmaScenario.Named("configuration_1");
            var csv = System.IO.Directory.GetFiles(scenario.Folder, "*.csv.gz").Single();
            return GeoEdgeCli.RunAsync("osnma", csv, "--merkle", scenario.MerkleTree, "--pubkey", scenario.PublicKey!, "--json");
        });

        public void Dispose() => Directory.Dispose();
    }
}
