using System.Security.Cryptography;
using GeoEdge.Bridge.Appraisal;
using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Ima;
using GeoEdge.MeasuredBoot;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// The platform appraisal on a real firmware log (Keylime's Secure Boot OVMF log) and an IMA list made
/// for it, reading after reading, with the state stored between them as the router does.
/// </summary>
public sealed class PlatformAppraiserTests : IDisposable
{
    private const string Host = "edge-01";
    private const string Agent = "/usr/bin/geoedge-agent";
    private const uint Boot = 7;

    private readonly TempStore _temp = new();
    private readonly byte[] _log = File.ReadAllBytes(Path.Combine(RepoPaths.SharedTestData, "tpm", "eventlogs", "keylime", "binary_bios_measurements-secureboot"));
    private readonly IReadOnlyDictionary<int, byte[]> _bootPcrs;
    private readonly List<ImaEntry> _ima = [];
    private ulong _seq;

    public PlatformAppraiserTests()
    {
        _temp.Enroll(Host);
        _bootPcrs = PcrReplay.Replay(TcgEventLog.Parse(_log))[TpmHashAlgorithm.Sha256];
        var aggregate = SHA256.HashData(Enumerable.Range(0, 8).SelectMany(i => _bootPcrs[i]).ToArray());
        Measure("boot_aggregate", aggregate);
        Measure("/usr/bin/env", SHA256.HashData("env"u8));
        Measure(Agent, SHA256.HashData("agent"u8));
    }

    public void Dispose() => _temp.Dispose();

    private ImaEntry Measure(string path, byte[] digest)
    {
        var entry = ImaEntry.Build(_ima.Count, "ima-ng", new ImaDigest("sha256", digest), path);
        _ima.Add(entry);
        return entry;
    }

    private PlatformPolicies Policies(bool boot = true, bool runtime = true, string agent = Agent, IEnumerable<ImaEntry>? approved = null)
    {
        var digests = (approved ?? _ima).GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => Convert.ToHexStringLower(e.FileDigest.Value)).ToArray());
        var policyJson = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["meta"] = new Dictionary<string, int> { ["version"] = 1 }, ["digests"] = digests });
        return new PlatformPolicies(
            boot ? BootPolicy.FromLog(TcgEventLog.Parse(_log), TpmHashAlgorithm.Sha256) : null,
            runtime ? RuntimePolicy.Parse(System.Text.Encoding.UTF8.GetBytes(policyJson)) : null,
            null, agent);
    }

    /// <summary>PCRs 0-7 of the log and PCR 10 after the first <paramref name="imaEntries"/> entries of the list.</summary>
    private Dictionary<int, byte[]> Quoted(int imaEntries)
    {
        var pcrs = Enumerable.Range(0, 8).ToDictionary(i => i, i => _bootPcrs[i]);
        pcrs[10] = ImaReplay.Extend(ImaPcrState.Initial, _ima.Take(imaEntries)).Sha256;
        return pcrs;
    }

    private static AttestedReading Message(Dictionary<int, byte[]> pcrs, byte[]? bootLog = null, int? imaStart = null, IEnumerable<ImaEntry>? entries = null) => new()
    {
        Reading = [1],
        QuoteAttest = [2],
        QuoteSignature = [3],
        PcrBank = "sha256",
        Pcrs = pcrs,
        BootLog = bootLog,
        ImaStart = imaStart,
        ImaEntries = entries is null ? null : ImaList.WriteBinary(entries),
    };

    /// <summary>Appraises, then stores the reading with its new platform state, as the router does.</summary>
    private PlatformAppraisal Appraise(AttestedReading message, PlatformPolicies? policies = null, uint resetCount = Boot)
    {
        var seq = ++_seq;
        var counters = new TpmCounters(seq, seq * 1000, resetCount, 0);
        var appraisal = new PlatformAppraiser(_temp.Store, policies ?? Policies()).Appraise(Host, message, counters);
        Assert.True(_temp.Store.TryAcceptReading(new AcceptedReading(Host, seq, [1], [2], [3], counters), DateTimeOffset.UtcNow, appraisal.Next));
        return appraisal;
    }

    private static IEnumerable<string> Codes(PlatformAppraisal a) => a.Findings.Select(f => f.Code);

    private PlatformAppraisal GenuineFirstReading() => Appraise(Message(Quoted(_ima.Count), _log, 0, _ima));

    [Fact]
    public void A_genuine_first_reading_passes_and_the_state_records_the_boot()
    {
        var first = GenuineFirstReading();

        Assert.Empty(first.Findings);
        Assert.Equal(3, first.Next.ImaEntries);
        Assert.True(first.Next.SecureBoot);
        Assert.True(first.Next.AgentMeasured);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_log)), _temp.Store.GetPlatformState(Host)!.BootLogSha256);
    }

    [Fact]
    public void Later_readings_need_neither_the_log_nor_old_entries_and_new_entries_continue_the_replay()
    {
        GenuineFirstReading();
        Assert.Empty(Appraise(Message(Quoted(_ima.Count))).Findings);

        var tool = Measure("/usr/bin/cat", SHA256.HashData("cat"u8));
        var next = Appraise(Message(Quoted(_ima.Count), imaStart: tool.Index, entries: [tool]), Policies());

        Assert.Empty(next.Findings);
        Assert.Equal(4, next.Next.ImaEntries);
        Assert.Equal(Quoted(4)[10], next.Next.ImaSha256);
    }

    [Fact]
    public void Entries_that_skip_ahead_are_a_gap_and_the_agent_is_asked_to_continue_where_the_bridge_stopped()
    {
        GenuineFirstReading();
        Measure("/usr/bin/a", SHA256.HashData("a"u8));
        var b = Measure("/usr/bin/b", SHA256.HashData("b"u8));

        var gap = Appraise(Message(Quoted(_ima.Count), imaStart: b.Index, entries: [b]), Policies());

        Assert.Equal([FindingCodes.ImaEntriesMissing], Codes(gap));
        Assert.Equal(3, gap.ImaResendFrom);
        Assert.False(gap.IsContraindicated);
        Assert.Equal(3, _temp.Store.GetPlatformState(Host)!.ImaEntries);
    }

    [Fact]
    public void PCR_10_moving_without_entries_asks_for_them()
    {
        GenuineFirstReading();
        Measure("/usr/bin/a", SHA256.HashData("a"u8));

        var moved = Appraise(Message(Quoted(_ima.Count)), Policies());

        Assert.Equal([FindingCodes.ImaEntriesMissing], Codes(moved));
        Assert.Equal(3, moved.ImaResendFrom);
    }

    [Fact]
    public void Entries_that_do_not_reach_the_quoted_PCR_10_contradict_the_quote()
    {
        var forged = Appraise(Message(Quoted(_ima.Count), _log, 0, _ima.Take(2)));

        Assert.Contains(FindingCodes.ImaReplayMismatch, Codes(forged));
        Assert.True(forged.IsContraindicated);
        Assert.Equal(0, forged.Next.ImaEntries);
    }

    [Fact]
    public void Other_quoted_boot_PCRs_without_a_log_ask_for_the_log()
    {
        GenuineFirstReading();
        var pcrs = Quoted(_ima.Count);
        pcrs[4] = SHA256.HashData("another boot loader"u8);

        var missing = Appraise(Message(pcrs), Policies());

        Assert.Equal([FindingCodes.BootLogMissing], Codes(missing));
        Assert.True(missing.BootLogWanted);
        Assert.False(missing.IsContraindicated);
    }

    [Fact]
    public void A_log_whose_digest_was_altered_is_contraindicated_naming_the_PCR_and_the_event()
    {
        var log = TcgEventLog.Parse(_log);
        var target = log.Events.First(e => e.Type == EventType.EfiBootServicesApplication);
        var tampered = (byte[])_log.Clone();
        tampered[(int)target.Offset + 14] ^= 0xff; // the first byte of its SHA-256 digest

        var appraisal = Appraise(Message(Quoted(_ima.Count), tampered, 0, _ima));

        Assert.True(appraisal.IsContraindicated);
        Assert.Contains(appraisal.Findings, f => f.Code == FindingCodes.BootLogMismatch && f.Detail.StartsWith("PCR 4 (sha256)", StringComparison.Ordinal));
        Assert.Contains(appraisal.Findings, f => f.Code.StartsWith("boot-unapproved", StringComparison.Ordinal) && f.Detail.Contains($"event {target.Index} ", StringComparison.Ordinal));
    }

    [Fact]
    public void Unreadable_measurements_are_contraindicated_with_what_was_wrong()
    {
        var appraisal = Appraise(Message(Quoted(_ima.Count), [1, 2, 3], 0, null) with { ImaEntries = [9, 9, 9, 9, 9] });

        Assert.Contains(appraisal.Findings, f => f.Code == FindingCodes.BootLogMalformed && f.Detail.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(FindingCodes.ImaListMalformed, Codes(appraisal));
    }

    [Fact]
    public void An_unapproved_binary_stays_contraindicated_for_the_rest_of_the_boot_and_a_reboot_starts_afresh()
    {
        GenuineFirstReading();
        var miner = Measure("/tmp/xmrig", SHA256.HashData("miner"u8));
        var policies = Policies(approved: _ima.Take(3));

        var failed = Appraise(Message(Quoted(_ima.Count), imaStart: miner.Index, entries: [miner]), policies);
        var later = Appraise(Message(Quoted(_ima.Count)), policies);

        Assert.True(failed.IsContraindicated);
        Assert.Contains(failed.Findings, f => f.Code.StartsWith("ima-", StringComparison.Ordinal) && f.Detail.StartsWith("IMA entry 3 /tmp/xmrig", StringComparison.Ordinal));
        Assert.True(later.IsContraindicated, "the failure must outlive the reading that brought it");

        // A TPM reset is a reboot: the bridge wants the list from entry 0 again, and the new boot is clean.
        _ima.RemoveAt(3);
        var resumed = Appraise(Message(Quoted(_ima.Count), imaStart: 3, entries: []), policies, resetCount: Boot + 1);
        Assert.Equal(0, resumed.ImaResendFrom);
        var rebooted = Appraise(Message(Quoted(_ima.Count), _log, 0, _ima), policies, resetCount: Boot + 1);
        Assert.Empty(rebooted.Findings);
    }

    [Fact]
    public void Without_reference_values_nothing_is_affirmed_and_the_agent_counts_as_unmeasured()
    {
        var appraisal = Appraise(Message(Quoted(_ima.Count), _log, 0, _ima), Policies(boot: false, runtime: false));

        Assert.Equal([FindingCodes.BootPolicyMissing, FindingCodes.ImaPolicyMissing, FindingCodes.AgentNotMeasured], Codes(appraisal));
        Assert.True(appraisal.IsContraindicated);
    }

    [Fact]
    public void An_agent_executable_missing_from_the_list_is_contraindicated()
    {
        var appraisal = Appraise(Message(Quoted(_ima.Count), _log, 0, _ima), Policies(agent: "/opt/geoedge/geoedge-agent"));

        Assert.Equal([FindingCodes.AgentNotMeasured], Codes(appraisal));
    }

    [Fact]
    public void Firmware_that_leaves_Exit_Boot_Services_out_of_its_log_matches_only_through_the_workaround_and_says_so()
    {
        // systemd-boot on Fedora 37: its last two events are the Exit Boot Services actions in PCR 5. The
        // quote holds them; the log sent without them replays only when they are put back.
        var original = File.ReadAllBytes(Path.Combine(RepoPaths.SharedTestData, "tpm", "eventlogs", "tpm2-tools", "event-sd-boot-fedora37.bin"));
        var log = TcgEventLog.Parse(original);
        Assert.Equal(28, log.Events.Count);
        var quoted = PcrReplay.Replay(log)[TpmHashAlgorithm.Sha256].Where(p => p.Key <= 7).ToDictionary(p => p.Key, p => p.Value);
        quoted[10] = new byte[32];
        var withoutExitBootServices = original[..(int)log.Events[26].Offset];
        var policies = new PlatformPolicies(BootPolicy.FromLog(TcgEventLog.Parse(withoutExitBootServices), TpmHashAlgorithm.Sha256), RuntimePolicy.Empty, null, "");

        var appraisal = Appraise(Message(quoted, withoutExitBootServices), policies);

        Assert.True(appraisal.ExitBootServicesWorkaround);
        Assert.DoesNotContain(FindingCodes.BootLogMismatch, Codes(appraisal));
        // Only "Returned with Success" left out matches no way: the workaround is the known quirk, nothing looser.
        var cut = original[..(int)log.Events[27].Offset];
        var refused = Appraise(Message(quoted, cut), policies);
        Assert.False(refused.ExitBootServicesWorkaround);
        Assert.Contains(FindingCodes.BootLogMismatch, Codes(refused));
    }
}
