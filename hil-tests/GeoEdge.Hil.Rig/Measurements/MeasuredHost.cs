using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GeoEdge.Drivers.Tpm;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Ima;
using GeoEdge.MeasuredBoot;

namespace GeoEdge.Hil.Rig.Measurements;

/// <summary>
/// Makes swtpm look like a host that booted and runs measured software: it extends a real firmware
/// event log's SHA-256 digests into PCRs 0-15 (as the firmware did on the machine the log comes from),
/// writes an IMA list (boot_aggregate, a few of this machine's own executables, the agent) and extends
/// PCR 10 with each entry, and serves both files to the agent where the kernel would. It also writes the
/// reference values the bridge appraises them against: the golden boot policy of the log (BootPolicy.FromLog) and a Keylime
/// runtime policy with every listed digest. swtpm serves one connection at a time, but the tss2 swtpm
/// TCTI connects for each command, so the rig can extend PCR 10 while the agent runs, as the kernel would.
/// </summary>
public sealed class MeasuredHost
{
    /// <summary>A real log (Keylime's test data, an OVMF VM with Secure Boot on): SHA-256 bank only, no StartupLocality.</summary>
    public const string DefaultBootLog = "eventlogs/keylime/binary_bios_measurements-secureboot";

    private static readonly string[] MeasuredExecutables = ["/usr/bin/env", "/usr/bin/sh", "/usr/bin/cat", "/usr/bin/dotnet"];

    private readonly string _tcti;
    private readonly List<ImaEntry> _ima = [];
    private byte[] _bootLog;

    public string BootLogPath { get; }
    public string ImaListPath { get; }
    public string RuntimePolicyPath { get; }
    public string BootReferencePath { get; }
    public string AgentExecutable { get; }
    public int ImaEntries => _ima.Count;

    private MeasuredHost(string directory, string tcti, string agentExecutable, byte[] bootLog)
    {
        _tcti = tcti;
        _bootLog = bootLog;
        AgentExecutable = agentExecutable;
        BootLogPath = Path.Combine(directory, "binary_bios_measurements");
        ImaListPath = Path.Combine(directory, "binary_runtime_measurements");
        RuntimePolicyPath = Path.Combine(directory, "runtime-policy.json");
        BootReferencePath = Path.Combine(directory, "boot-reference.json");
    }

    public static MeasuredHost Boot(string directory, string tcti, string agentExecutable, Action<string> progress)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.SharedTestData, "tpm", DefaultBootLog));
        var host = new MeasuredHost(directory, tcti, agentExecutable, bytes);
        var log = TcgEventLog.Parse(bytes);
        if (!log.Banks.Contains(TpmHashAlgorithm.Sha256))
            throw new RigException($"{DefaultBootLog} has no SHA-256 digests, the bank swtpm has");
        using (var tpm = TpmDevice.Open(tcti))
        {
            foreach (var e in log.Events.Where(e => e.IsExtended))
                tpm.PcrExtend(e.Pcr, TpmAlgorithm.Sha256, e.Digests[TpmHashAlgorithm.Sha256]);
            host.MeasureInitialSoftware(tpm, PcrReplay.Replay(log)[TpmHashAlgorithm.Sha256]);
        }
        File.WriteAllBytes(host.BootLogPath, bytes);
        host.WriteImaList();
        File.WriteAllBytes(host.BootReferencePath, BootPolicy.FromLog(log, TpmHashAlgorithm.Sha256).ToJson());
        File.WriteAllText(host.RuntimePolicyPath, host.RuntimePolicy().ToJsonString());
        progress($"measured boot: {log.Events.Count} events of {DefaultBootLog} extended into swtpm, {host._ima.Count} IMA entries in PCR 10");
        return host;
    }

    /// <summary>The agent's "measurements" configuration: where this host's kernel files are.</summary>
    public JsonObject AgentConfig() => new() { ["bootLog"] = BootLogPath, ["imaList"] = ImaListPath };

    /// <summary>
    /// Alters the SHA-256 digest of one EV_EFI_BOOT_SERVICES_APPLICATION event in the served log (not in
    /// the TPM): the log now claims another boot loader than the one measured. Returns the event's index.
    /// </summary>
    public int TamperBootLog()
    {
        var log = TcgEventLog.Parse(_bootLog);
        var target = log.Events.First(e => e.Type == EventType.EfiBootServicesApplication);
        // TCG_PCR_EVENT2: pcrIndex, eventType, digest count, then (algId, digest) pairs; this log has SHA-256 only.
        var digestOffset = (int)target.Offset + 4 + 4 + 4 + 2;
        var tampered = (byte[])_bootLog.Clone();
        tampered[digestOffset] ^= 0x5a;
        _bootLog = tampered;
        File.WriteAllBytes(BootLogPath, tampered);
        return target.Index;
    }

    /// <summary>
    /// Runs a binary the runtime policy does not know: its measurement is appended to the IMA list and
    /// extended into PCR 10, as the kernel would. Returns the new entry's index.
    /// </summary>
    public int RunUnapprovedBinary(string path, byte[] content)
    {
        var entry = ImaEntry.Build(_ima.Count, "ima-ng", new ImaDigest("sha256", SHA256.HashData(content)), path);
        using (var tpm = TpmDevice.Open(_tcti))
            tpm.PcrExtend(ImaReplay.ImaPcr, TpmAlgorithm.Sha256, ImaReplay.Measurement(entry, "sha256"));
        _ima.Add(entry);
        WriteImaList();
        return entry.Index;
    }

    private void MeasureInitialSoftware(TpmDevice tpm, IReadOnlyDictionary<int, byte[]> bootPcrs)
    {
        // boot_aggregate: SHA-256 over PCRs 0-7 as the kernel found them when IMA started.
        var aggregate = SHA256.HashData(Enumerable.Range(0, 8).SelectMany(i => bootPcrs.TryGetValue(i, out var v) ? v : new byte[32]).ToArray());
        Add(tpm, "boot_aggregate", aggregate);
        foreach (var file in MeasuredExecutables.Where(File.Exists))
            Add(tpm, file, HashFile(file));
        Add(tpm, AgentExecutable, HashFile(AgentExecutable));
    }

    private void Add(TpmDevice tpm, string path, byte[] digest)
    {
        var entry = ImaEntry.Build(_ima.Count, "ima-ng", new ImaDigest("sha256", digest), path);
        tpm.PcrExtend(ImaReplay.ImaPcr, TpmAlgorithm.Sha256, ImaReplay.Measurement(entry, "sha256"));
        _ima.Add(entry);
    }

    private void WriteImaList() => File.WriteAllBytes(ImaListPath, ImaList.WriteBinary(_ima));

    private static byte[] HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }

    /// <summary>Keylime's runtime-policy format with every digest the host measured so far.</summary>
    private JsonObject RuntimePolicy()
    {
        var digests = new JsonObject();
        foreach (var entry in _ima)
            digests[entry.Path] = new JsonArray(Convert.ToHexStringLower(entry.FileDigest.Value));
        return new JsonObject
        {
            ["meta"] = new JsonObject { ["version"] = 1, ["generator"] = "geoedge-rig" },
            ["release"] = 0,
            ["digests"] = digests,
            ["excludes"] = new JsonArray(),
            ["keyrings"] = new JsonObject(),
            ["ima"] = new JsonObject { ["ignored_keyrings"] = new JsonArray(), ["log_hash_alg"] = "sha1", ["dm_policy"] = null },
            ["ima-buf"] = new JsonObject(),
            ["verification-keys"] = "",
        };
    }
}
