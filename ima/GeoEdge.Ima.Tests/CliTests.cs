using GeoEdge.Hil.Rig.Processes;
using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace GeoEdge.Ima.Tests;

/// <summary>
/// `geoedge-cli ima` run as a process, the way an operator runs it: exit status, JSON or text on stdout, the problem on
/// stderr. Building this test project builds the CLI (a ProjectReference without its assembly).
/// </summary>
public sealed class CliTests(CliTests.Scratch scratch, ITestOutputHelper output) : IClassFixture<CliTests.Scratch>
{
    private static string Inline => TestData.Tpm("ima/keylime/runtime_policy_test_inline.json");

    [Fact]
    public async Task Measurements_with_the_inline_policy_pass_with_Keylimes_PCR10()
    {
        var run = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/measurements.txt"), "--policy", Inline, "--json");
        output.WriteLine(run.Stdout);
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        var expected = Expected.For("ima/keylime/measurements.txt");
        Assert.Equal(3, json.GetProperty("entries").GetInt32());
        Assert.Equal("ascii", json.GetProperty("format").GetString());
        Assert.Equal(0, json.GetProperty("templateHashMismatches").GetInt32());
        Assert.Equal(expected.GetProperty("pcr10_sha1_bank_from_ascii_template_hashes").GetString(), json.GetProperty("pcr10").GetProperty("sha1").GetString());
        Assert.Equal(expected.GetProperty("pcr10_sha256_bank_assuming_sha256_template_digest").GetString(), json.GetProperty("pcr10").GetProperty("sha256").GetString());
        Assert.Equal(3, json.GetProperty("policy").GetProperty("passed").GetInt32());
        Assert.Equal(0, json.GetProperty("policy").GetProperty("failed").GetArrayLength());
    }

    [Fact]
    public async Task Measurements_fail_with_an_empty_policy_and_pass_with_none()
    {
        var empty = scratch.Write("empty-policy.json", """{"meta":{"version":1},"digests":{}}"""u8.ToArray());
        var run = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/measurements.txt"), "--policy", empty, "--json");
        Assert.Equal(1, run.ExitCode);
        var failed = run.Json.GetProperty("policy").GetProperty("failed").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], failed.Select(f => f.GetProperty("index").GetInt32()));
        Assert.All(failed, f => Assert.Equal("path-not-in-policy", f.GetProperty("code").GetString()));
        Assert.Equal("boot_aggregate", failed[0].GetProperty("path").GetString());

        var none = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/measurements.txt"), "--json");
        Assert.Equal(0, none.ExitCode);
        Assert.Equal(JsonValueKind.Null, none.Json.GetProperty("policy").ValueKind);
    }

    [Fact]
    public async Task Signatures_pass_only_with_both_keys()
    {
        var rsaOnly = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/signatures.txt"), "--key", TestData.Tpm("ima/keylime/rsa2048pub.pem"), "--json");
        Assert.Equal(1, rsaOnly.ExitCode);
        var failure = rsaOnly.Json.GetProperty("policy").GetProperty("failed").EnumerateArray().Single();
        Assert.Equal(("/usr/bin/zmore", "signature-invalid"), (failure.GetProperty("path").GetString(), failure.GetProperty("code").GetString()));
        var both = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/signatures.txt"), "--key", TestData.Tpm("ima/keylime/rsa2048pub.pem"), "--key", TestData.Tpm("ima/keylime/secp256k1.pem"));
        output.WriteLine(both.Stdout);
        Assert.Equal(0, both.ExitCode);
        Assert.Contains("every entry passed", both.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bad_signature_list_exits_1_with_its_template_hash_mismatch_in_both_forms()
    {
        var json = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/bad_signatures.txt"), "--json");
        Assert.Equal(1, json.ExitCode);
        Assert.Equal(1, json.Json.GetProperty("templateHashMismatches").GetInt32());
        var text = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/bad_signatures.txt"), "--policy", Inline);
        output.WriteLine(text.Stdout);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("#0 /usr/bin/zmore: template-hash-mismatch", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_list_reads_the_same_as_its_text()
    {
        var binary = scratch.Write("keyrings.bin", ImaList.WriteBinary(Expected.Entries("ima/keylime/keyrings.txt")));
        var run = await GeoEdgeCli.RunAsync("ima", binary, "--policy", Inline, "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("binary", run.Json.GetProperty("format").GetString());
        Assert.Equal(Expected.For("ima/keylime/keyrings.txt").GetProperty("pcr10_sha1_bank_from_ascii_template_hashes").GetString(),
            run.Json.GetProperty("pcr10").GetProperty("sha1").GetString());
        var unlisted = await GeoEdgeCli.RunAsync("ima", binary, "--policy", scratch.Write("no-keyrings.json", """{"meta":{"version":1}}"""u8.ToArray()), "--json");
        Assert.Equal(1, unlisted.ExitCode);
        Assert.Equal("keyring-not-in-policy", unlisted.Json.GetProperty("policy").GetProperty("failed")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_violation_passes_by_default_and_fails_when_asked()
    {
        var run = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/ima-log-sha1"), "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, run.Json.GetProperty("violations").GetInt32());
        var strict = await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/ima-log-sha1"), "--fail-violations", "--json");
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public async Task A_legacy_allowlist_works_as_a_policy()
    {
        var allowlist = scratch.Write("allowlist", System.Text.Encoding.ASCII.GetBytes(
            "f4845392eca429a4c941a6a07fc32faf843a88c5c3dfa3b9329ab8f4171d9ce3  boot_aggregate\n96d7fae8adb7286a419a88f78c13d35fb782d63df654b7db56f154765698b754  /data\n"));
        Assert.Equal(0, (await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/ima-log-sha256"), "--policy", allowlist)).ExitCode);
        // Keylime's own test allowlist names the file "data", not "/data".
        Assert.Equal(1, (await GeoEdgeCli.RunAsync("ima", TestData.Tpm("ima/keylime/ima-log-sha256"), "--policy", TestData.Tpm("ima/keylime/allowlist-sha256"))).ExitCode);
    }

    [Theory]
    [InlineData("missing file", "file does not exist")]
    [InlineData("garbage binary", "IMA list entry 0, offset 0")]
    [InlineData("bad text line", "IMA list line 2, entry 1")]
    [InlineData("policy with a bad member", "runtime policy digests[\"/x\"][0]")]
    [InlineData("PEM without a key", "PEM 1: no public key")]
    [InlineData("unknown option", "unknown option --frobnicate")]
    [InlineData("no FILE", "FILE is required")]
    [InlineData("--key without a value", "--key needs a value")]
    public async Task Unusable_input_exits_2_with_a_message_naming_the_problem(string problem, string message)
    {
        var measurements = TestData.Tpm("ima/keylime/measurements.txt");
        string[] args = problem switch
        {
            "missing file" => [Path.Combine(scratch.Folder, "absent")],
            "garbage binary" => [scratch.Write("garbage.bin", [10, 0, 0, 0, 1, 2, 3])],
            "bad text line" => [scratch.Write("bad.txt", System.Text.Encoding.ASCII.GetBytes(File.ReadAllText(measurements).Replace("10 5426", "10 z426")))],
            "policy with a bad member" => [measurements, "--policy", scratch.Write("bad-policy.json", """{"meta":{"version":1},"digests":{"/x":["zz"]}}"""u8.ToArray())],
            "PEM without a key" => [measurements, "--key", scratch.Write("params.pem", "-----BEGIN EC PARAMETERS-----\nBgUrgQQACg==\n-----END EC PARAMETERS-----\n"u8.ToArray())],
            "unknown option" => [measurements, "--frobnicate"],
            "no FILE" => ["--json"],
            "--key without a value" => [measurements, "--key"],
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "no such case"),
        };
        var run = await GeoEdgeCli.RunAsync("ima", args);
        output.WriteLine($"{problem}: exit {run.ExitCode}, stderr: {run.Stderr}");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout.Trim());
    }

    /// <summary>A scratch folder for the class's files, removed afterwards.</summary>
    public sealed class Scratch : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("geoedge-ima-cli-").FullName;

        public string Write(string name, byte[] content)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllBytes(path, content);
            return path;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
