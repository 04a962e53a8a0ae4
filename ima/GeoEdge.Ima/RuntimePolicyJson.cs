using System.Text.Json;

namespace GeoEdge.Ima;

/// <summary>
/// Keylime's runtime policy JSON (keylime/ima/ima.py, format version 1), read with JsonDocument (no reflection) and
/// checked member by member, so a bad policy is refused with the member named instead of half-applied.
/// </summary>
internal static class RuntimePolicyJson
{
    private const int SupportedVersion = 1;

    public static RuntimePolicy Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            // Parse (not ParseValue) so that anything after the policy object is an error too.
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new RuntimePolicyException("(document)", $"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, "(document)");
            var meta = Member(root, "meta") ?? throw new RuntimePolicyException("meta", "is missing (a runtime policy has meta.version)");
            Expect(meta, JsonValueKind.Object, "meta");
            var version = Member(meta, "version") ?? throw new RuntimePolicyException("meta.version", "is missing");
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != SupportedVersion)
                throw new RuntimePolicyException("meta.version", $"is {version.GetRawText()}; only version {SupportedVersion} is supported");
            var release = 0;
            if (Member(root, "release") is { } r && (r.ValueKind != JsonValueKind.Number || !r.TryGetInt32(out release)))
                throw new RuntimePolicyException("release", "is not a whole number");

            var digests = DigestMap(root, "digests");
            var keyrings = DigestMap(root, "keyrings");
            var imaBuf = DigestMap(root, "ima-buf");
            var excludes = ExcludeList.Create(Strings(Member(root, "excludes"), "excludes"), "excludes");

            IReadOnlyList<string> ignored = [];
            var logHash = "sha1";
            var dm = false;
            if (Member(root, "ima") is { } ima)
            {
                Expect(ima, JsonValueKind.Object, "ima");
                ignored = Strings(Member(ima, "ignored_keyrings"), "ima.ignored_keyrings");
                if (Member(ima, "log_hash_alg") is { } alg)
                {
                    if (alg.ValueKind != JsonValueKind.String || alg.GetString() is not ("sha1" or "sha256" or "sha384" or "sha512"))
                        throw new RuntimePolicyException("ima.log_hash_alg", $"is {Shown(alg)}; expected sha1, sha256, sha384 or sha512");
                    logHash = alg.GetString()!;
                }
                if (Member(ima, "dm_policy") is { } dmPolicy && dmPolicy.ValueKind != JsonValueKind.Null)
                {
                    Expect(dmPolicy, JsonValueKind.Object, "ima.dm_policy");
                    dm = true;
                }
            }

            ImaVerificationKeys? keys = null;
            if (Member(root, "verification-keys") is { } vk)
            {
                Expect(vk, JsonValueKind.String, "verification-keys");
                try
                {
                    keys = ImaVerificationKeys.FromKeylimeJson(vk.GetString()!);
                }
                catch (ImaKeyException e)
                {
                    throw new RuntimePolicyException("verification-keys", e.Message, e);
                }
            }
            return new RuntimePolicy(digests, keyrings, imaBuf, excludes, ignored, logHash, dm, keys, release);
        }
    }

    /// <summary>{ name: ["hex" or "algorithm:hex", ...] }</summary>
    private static PolicyDigests DigestMap(JsonElement root, string member)
    {
        var map = new PolicyDigests();
        if (Member(root, member) is not { } element) return map;
        Expect(element, JsonValueKind.Object, member);
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{member}[{Quoted(property.Name)}]";
            Expect(property.Value, JsonValueKind.Array, at);
            var i = 0;
            foreach (var item in property.Value.EnumerateArray())
            {
                var itemAt = $"{at}[{i++}]";
                Expect(item, JsonValueKind.String, itemAt);
                var text = item.GetString()!;
                var colon = text.IndexOf(':');
                var algorithm = colon < 0 ? null : text[..colon];
                var value = Hex.TryDecode(colon < 0 ? text : text[(colon + 1)..]);
                if (value is null || value.Length is < 16 or > 64)
                    throw new RuntimePolicyException(itemAt, $"'{ImaTemplate.Printable(text)}' is not a hex digest");
                if (algorithm is not null)
                {
                    try
                    {
                        ImaTemplate.CheckDigest(algorithm, value.Length);
                    }
                    catch (ImaFormatException e)
                    {
                        throw new RuntimePolicyException(itemAt, e.Problem, e);
                    }
                }
                map.Add(property.Name, algorithm, value);
            }
        }
        return map;
    }

    private static IReadOnlyList<string> Strings(JsonElement? element, string member)
    {
        if (element is not { } array || array.ValueKind == JsonValueKind.Null) return [];
        Expect(array, JsonValueKind.Array, member);
        var list = new List<string>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            Expect(item, JsonValueKind.String, $"{member}[{i++}]");
            list.Add(item.GetString()!);
        }
        return list;
    }

    private static JsonElement? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;

    private static void Expect(JsonElement element, JsonValueKind kind, string member)
    {
        if (element.ValueKind != kind)
            throw new RuntimePolicyException(member, $"is {element.ValueKind.ToString().ToLowerInvariant()}, expected {kind.ToString().ToLowerInvariant()}");
    }

    private static string Shown(JsonElement element) => ImaTemplate.Printable(element.GetRawText());

    private static string Quoted(string name) => "\"" + ImaTemplate.Printable(name) + "\"";
}
