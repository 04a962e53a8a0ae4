using System.Security.Cryptography;
using System.Text.Json;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Imports a Keylime measured-boot reference state (the input of Keylime's "example" elchecking policy,
/// keylime/mba/elchecking/example.py) as a <see cref="BootPolicy"/>:
/// <list type="bullet">
/// <item>has_secureboot (default true) → secureBoot required / optional;</item>
/// <item>scrtm_and_bios[].scrtm → scrtm; scrtm_and_bios[].platform_firmware[] → platformFirmware (each a map
///   algorithm → "0xhex"; Keylime pairs them per entry, here any approved S-CRTM may go with any approved blob);</item>
/// <item>pk / kek / db ({SignatureOwner, SignatureData: "0xhex"}) → the SHA-256 of SignatureData (Keylime: the
///   log's keys must be a subset); dbx → dbxMustContain (Keylime: the log's dbx must be a superset);</item>
/// <item>kernels[].shim/grub/kernel_authcode_sha256 → bootApplications (PCR 4 Authenticode digests);
///   kernels[].kernel_cmdline → kernelCmdline (a regular expression, as in Keylime).</item>
/// </list>
/// Not imported: mokdig / mokxdig (PCR 14 MokList digests), initrd_plain_sha256 and vmlinuz_plain_sha256 (PCR 9
/// file digests); the boot policy format has no member for them. Unknown members are refused.
/// </summary>
public static class KeylimeReferenceState
{
    private static readonly string[] Known = ["scrtm_and_bios", "pk", "kek", "db", "dbx", "mokdig", "mokxdig", "kernels", "has_secureboot"];

    public static BootPolicy Import(ReadOnlySpan<byte> json)
    {
        using (var document = PolicyDocument.Parse(json, "the reference state"))
        {
            var root = document.RootElement;
            foreach (var member in root.EnumerateObject())
                if (!Known.Contains(member.Name)) throw new BootPolicyException(member.Name, "not a member of Keylime's reference state");

            var hasSecureBoot = !root.TryGetProperty("has_secureboot", out var flag) || flag.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new BootPolicyException("has_secureboot", $"expected true or false, found {flag.ValueKind}"),
            };
            var scrtm = new List<PolicyDigest>();
            var firmware = new List<PolicyDigest>();
            var i = 0;
            foreach (var entry in Array(root, "scrtm_and_bios"))
            {
                var field = $"scrtm_and_bios[{i++}]";
                scrtm.AddRange(DigestMap(Member(entry, "scrtm", field), $"{field}.scrtm"));
                var j = 0;
                foreach (var blob in ArrayOf(Member(entry, "platform_firmware", field), $"{field}.platform_firmware"))
                    firmware.AddRange(DigestMap(blob, $"{field}.platform_firmware[{j++}]"));
            }
            var applications = new List<PolicyDigest>();
            var commandLines = new List<string>();
            i = 0;
            foreach (var kernel in Array(root, "kernels"))
            {
                var field = $"kernels[{i++}]";
                foreach (var name in (string[])["shim_authcode_sha256", "grub_authcode_sha256", "kernel_authcode_sha256"])
                    if (kernel.TryGetProperty(name, out var digest))
                        applications.Add(PolicyDigest.FromHex("sha256", String(digest, $"{field}.{name}"), $"{field}.{name}"));
                commandLines.Add(String(Member(kernel, "kernel_cmdline", field), $"{field}.kernel_cmdline"));
            }
            var policy = new BootPolicy
            {
                SecureBoot = hasSecureBoot ? SecureBootRequirement.Required : SecureBootRequirement.Optional,
                Scrtm = root.TryGetProperty("scrtm_and_bios", out _) ? scrtm.DistinctBy(d => d.ToString()).ToList() : null,
                PlatformFirmware = root.TryGetProperty("scrtm_and_bios", out _) ? firmware.DistinctBy(d => d.ToString()).ToList() : null,
                BootApplications = root.TryGetProperty("kernels", out _) ? applications.DistinctBy(a => a.ToString()).ToList() : null,
                KernelCmdline = root.TryGetProperty("kernels", out _) ? commandLines.Distinct().ToList() : null,
                Pk = Keys(root, "pk"),
                Kek = Keys(root, "kek"),
                Db = Keys(root, "db"),
                DbxMustContain = Keys(root, "dbx"),
            };
            for (var k = 0; k < commandLines.Count; k++) BootPolicy.Compile(commandLines[k], $"kernels[{k}].kernel_cmdline");
            return policy;
        }
    }

    private static List<string>? Keys(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out _)) return null;
        var keys = new List<string>();
        var i = 0;
        foreach (var key in Array(root, name))
        {
            var field = $"{name}[{i++}]";
            var data = PolicyHex.Parse(String(Member(key, "SignatureData", field), $"{field}.SignatureData"), $"{field}.SignatureData");
            keys.Add(Convert.ToHexStringLower(SHA256.HashData(data)));
        }
        return keys.Distinct().ToList();
    }

    private static IEnumerable<PolicyDigest> DigestMap(JsonElement map, string field)
    {
        if (map.ValueKind != JsonValueKind.Object) throw new BootPolicyException(field, $"expected an object of algorithm: \"0xhex\", found {map.ValueKind}");
        return map.EnumerateObject().Select(d => PolicyDigest.FromHex(d.Name, String(d.Value, $"{field}.{d.Name}"), $"{field}.{d.Name}")).ToList();
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? ArrayOf(value, name) : [];

    private static IEnumerable<JsonElement> ArrayOf(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : throw new BootPolicyException(field, $"expected an array, found {value.ValueKind}");

    private static JsonElement Member(JsonElement element, string name, string field)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new BootPolicyException(field, $"expected an object, found {element.ValueKind}");
        return element.TryGetProperty(name, out var value) ? value : throw new BootPolicyException($"{field}.{name}", "missing");
    }

    private static string String(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new BootPolicyException(field, $"expected a string, found {value.ValueKind}");
}
