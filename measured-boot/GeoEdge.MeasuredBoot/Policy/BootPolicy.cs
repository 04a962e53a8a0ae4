using System.Text.Json;
using System.Text.RegularExpressions;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Reference values for a host's boot, in GeoEdge's JSON format. Every member is optional; an absent member
/// is not checked. Digests are "algorithm:hex"; keys (pk, kek, db, dbxMustContain) are the SHA-256 of the
/// EFI_SIGNATURE data, i.e. of the DER certificate (for a dbx/db hash entry its own SHA-256 value is
/// accepted too); kernelCmdline entries are .NET regular expressions matched against the whole command line.
/// <code>
/// { "secureBoot": "required", "scrtm": ["sha256:..."], "platformFirmware": ["sha256:..."],
///   "bootApplications": ["sha256:..."], "pk": ["hex"], "kek": [...], "db": [...], "dbxMustContain": [...],
///   "kernelCmdline": ["root=UUID=\\S+ ro quiet"], "pcrs": { "sha256": { "0": ["hex", ...] } } }
/// </code>
/// </summary>
public sealed partial record BootPolicy
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public SecureBootRequirement? SecureBoot { get; init; }
    public IReadOnlyList<PolicyDigest>? Scrtm { get; init; }
    public IReadOnlyList<PolicyDigest>? PlatformFirmware { get; init; }
    public IReadOnlyList<PolicyDigest>? BootApplications { get; init; }
    public IReadOnlyList<string>? Pk { get; init; }
    public IReadOnlyList<string>? Kek { get; init; }
    public IReadOnlyList<string>? Db { get; init; }
    public IReadOnlyList<string>? DbxMustContain { get; init; }
    public IReadOnlyList<string>? KernelCmdline { get; init; }
    public IReadOnlyDictionary<TpmHashAlgorithm, IReadOnlyDictionary<int, IReadOnlyList<byte[]>>>? Pcrs { get; init; }

    /// <summary>The kernelCmdline patterns compiled, anchored to the whole command line, with a match timeout.</summary>
    internal IReadOnlyList<Regex> KernelCmdlinePatterns => _patterns ??= (KernelCmdline ?? []).Select((p, i) => Compile(p, $"kernelCmdline[{i}]")).ToList();
    private IReadOnlyList<Regex>? _patterns;

    public static BootPolicy Parse(ReadOnlySpan<byte> json)
    {
        using (var document = PolicyDocument.Parse(json, "the policy"))
        {
            var root = document.RootElement;
            var policy = new BootPolicy();
            foreach (var member in root.EnumerateObject())
            {
                policy = member.Name switch
                {
                    "secureBoot" => policy with { SecureBoot = ParseRequirement(member.Value) },
                    "scrtm" => policy with { Scrtm = Strings(member).Select((s, i) => PolicyDigest.Parse(s, $"scrtm[{i}]")).ToList() },
                    "platformFirmware" => policy with { PlatformFirmware = Strings(member).Select((s, i) => PolicyDigest.Parse(s, $"platformFirmware[{i}]")).ToList() },
                    "bootApplications" => policy with { BootApplications = Strings(member).Select((s, i) => PolicyDigest.Parse(s, $"bootApplications[{i}]")).ToList() },
                    "pk" => policy with { Pk = Fingerprints(member) },
                    "kek" => policy with { Kek = Fingerprints(member) },
                    "db" => policy with { Db = Fingerprints(member) },
                    "dbxMustContain" => policy with { DbxMustContain = Fingerprints(member) },
                    "kernelCmdline" => policy with { KernelCmdline = Strings(member) },
                    "pcrs" => policy with { Pcrs = ParsePcrs(member.Value) },
                    _ => throw new BootPolicyException(member.Name, "not a member of the boot policy format"),
                };
            }
            _ = policy.KernelCmdlinePatterns; // refuse a bad pattern now, not during an appraisal
            return policy;
        }
    }

    /// <summary>Compiles a policy pattern; a pattern that is not a valid regular expression is a <see cref="BootPolicyException"/>.</summary>
    internal static Regex Compile(string pattern, string field)
    {
        try
        {
            return new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new BootPolicyException(field, $"not a valid regular expression: {e.Message}");
        }
    }

    private static SecureBootRequirement ParseRequirement(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "required" => SecureBootRequirement.Required,
            "optional" => SecureBootRequirement.Optional,
            var other => throw new BootPolicyException("secureBoot", $"'{PolicyDigest.Shorten(other!)}' is neither \"required\" nor \"optional\""),
        }
        : throw new BootPolicyException("secureBoot", $"expected a string, found {value.ValueKind}");

    private static List<string> Strings(JsonProperty member)
    {
        if (member.Value.ValueKind != JsonValueKind.Array) throw new BootPolicyException(member.Name, $"expected an array, found {member.Value.ValueKind}");
        var list = new List<string>();
        var i = 0;
        foreach (var item in member.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new BootPolicyException($"{member.Name}[{i}]", $"expected a string, found {item.ValueKind}");
            list.Add(item.GetString()!);
            i++;
        }
        return list;
    }

    private static List<string> Fingerprints(JsonProperty member) =>
        Strings(member).Select((s, i) => PolicyHex.Fingerprint(s.StartsWith("sha256:", StringComparison.Ordinal) ? s[7..] : s, $"{member.Name}[{i}]")).ToList();

    private static Dictionary<TpmHashAlgorithm, IReadOnlyDictionary<int, IReadOnlyList<byte[]>>> ParsePcrs(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) throw new BootPolicyException("pcrs", $"expected an object, found {value.ValueKind}");
        var banks = new Dictionary<TpmHashAlgorithm, IReadOnlyDictionary<int, IReadOnlyList<byte[]>>>();
        foreach (var bank in value.EnumerateObject())
        {
            var field = $"pcrs.{bank.Name}";
            if (!TpmHashAlgorithms.TryParse(bank.Name, out var algorithm)) throw new BootPolicyException(field, "unknown hash algorithm");
            if (bank.Value.ValueKind != JsonValueKind.Object) throw new BootPolicyException(field, $"expected an object, found {bank.Value.ValueKind}");
            var pcrs = new SortedDictionary<int, IReadOnlyList<byte[]>>();
            foreach (var pcr in bank.Value.EnumerateObject())
            {
                var pcrField = $"{field}.{pcr.Name}";
                if (!int.TryParse(pcr.Name, System.Globalization.NumberStyles.None, null, out var index) || index > 23)
                    throw new BootPolicyException(pcrField, "not a PCR index 0-23");
                pcrs[index] = Strings(pcr).Select((s, i) =>
                {
                    var bytes = PolicyHex.Parse(s, $"{pcrField}[{i}]");
                    return bytes.Length == algorithm.DigestSize() ? bytes
                        : throw new BootPolicyException($"{pcrField}[{i}]", $"a {algorithm.Name()} PCR has {algorithm.DigestSize()} bytes, not {bytes.Length}");
                }).ToList();
            }
            banks[algorithm] = pcrs;
        }
        return banks;
    }
}
