using System.Text.Json;

namespace GeoEdge.Ima;

/// <summary>
/// Keys that ima-sig signatures are verified with (Keylime's tenant keyring). Immutable; <see cref="Verify"/> is safe
/// to call from several threads.
/// </summary>
public sealed class ImaVerificationKeys
{
    private readonly Dictionary<uint, List<ImaPublicKey>> _byKeyId = [];

    private ImaVerificationKeys(IEnumerable<ImaPublicKey> keys)
    {
        foreach (var key in keys)
        {
            if (!_byKeyId.TryGetValue(key.KeyId, out var list)) _byKeyId[key.KeyId] = list = [];
            list.Add(key);
            Count++;
        }
    }

    /// <summary>No keys: signatures are checked, and none verifies.</summary>
    public static ImaVerificationKeys Empty { get; } = new([]);

    public int Count { get; }

    /// <summary>The keyids (as in a signature header) of the keys.</summary>
    public IReadOnlyCollection<uint> KeyIds => _byKeyId.Keys;

    /// <summary>
    /// Keys from PEM texts (one file's content each): public keys, certificates (keyid from their Subject Key
    /// Identifier), or private keys of which only the public part is kept. Every text must hold at least one key.
    /// </summary>
    public static ImaVerificationKeys FromPem(params string[] pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var keys = new List<ImaPublicKey>();
        for (var i = 0; i < pem.Length; i++)
        {
            List<ImaPublicKey> found;
            try
            {
                found = ImaKeyMaterial.FromPem(pem[i] ?? "");
            }
            catch (ImaKeyException e)
            {
                throw new ImaKeyException($"PEM {i + 1}: {e.Message}", e);
            }
            if (found.Count == 0) throw new ImaKeyException($"PEM {i + 1}: no public key, certificate or RSA/EC private key block");
            keys.AddRange(found);
        }
        return new ImaVerificationKeys(keys);
    }

    /// <summary>
    /// The "verification-keys" member of a Keylime policy: "" for none, else JSON text (sometimes JSON-encoded twice)
    /// of {"pubkeys": [base64 DER SubjectPublicKeyInfo, ...], "keyids": [keyid, ...]} where a keyid, when given,
    /// overrides the computed one. Returns null for "".
    /// </summary>
    public static ImaVerificationKeys? FromKeylimeJson(string text) => FromKeylimeJson(text, 0);

    private static ImaVerificationKeys? FromKeylimeJson(string text, int encodings)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (encodings > 2) throw new ImaKeyException("verification keys are JSON-encoded more than twice");
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.String) return FromKeylimeJson(root.GetString()!, encodings + 1);
            if (root.ValueKind == JsonValueKind.Null) return null;
            if (root.ValueKind != JsonValueKind.Object) throw new ImaKeyException("verification keys are not a JSON object");
            if (!root.TryGetProperty("pubkeys", out var pubkeys) || pubkeys.ValueKind != JsonValueKind.Array)
                throw new ImaKeyException("verification keys have no \"pubkeys\" array");
            var keyIds = root.TryGetProperty("keyids", out var ids) && ids.ValueKind == JsonValueKind.Array ? ids.EnumerateArray().ToList() : [];
            var keys = new List<ImaPublicKey>();
            var i = 0;
            foreach (var item in pubkeys.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !item.TryGetBytesFromBase64(out var der))
                    throw new ImaKeyException($"pubkeys[{i}] is not base64");
                uint? keyId = null;
                if (i < keyIds.Count)
                    keyId = keyIds[i].ValueKind == JsonValueKind.Number && keyIds[i].TryGetUInt32(out var id) ? id
                        : throw new ImaKeyException($"keyids[{i}] is not a 32-bit keyid");
                keys.Add(ImaPublicKey.FromSubjectPublicKeyInfo(der, keyId) ?? throw new ImaKeyException($"pubkeys[{i}] is not an RSA or EC public key"));
                i++;
            }
            return new ImaVerificationKeys(keys);
        }
        catch (JsonException e)
        {
            throw new ImaKeyException($"verification keys are not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>These keys and the other's.</summary>
    public ImaVerificationKeys With(ImaVerificationKeys? other) =>
        other is null || other.Count == 0 ? this : new ImaVerificationKeys(All.Concat(other.All));

    internal IEnumerable<ImaPublicKey> All => _byKeyId.Values.SelectMany(k => k);

    internal ImaVerificationKeys With(ImaPublicKey key) => new(All.Append(key));

    /// <summary>
    /// Verifies an ima-sig entry's signature over its file digest. A missing or malformed signature, an unknown
    /// keyid, a hash algorithm that differs from the file digest's, or a bad signature: false with the reason.
    /// </summary>
    public bool Verify(ImaEntry e, out string detail)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Signature is not { Length: > 0 } signature)
        {
            detail = "no signature";
            return false;
        }
        if (ImaSignatureHeader.TryRead(signature, out var problem) is not { } header)
        {
            detail = problem;
            return false;
        }
        if (header.HashAlgorithm != e.FileDigest.Algorithm)
        {
            detail = $"the signature is over a {header.HashAlgorithm} digest but the file digest is {e.FileDigest.Algorithm}";
            return false;
        }
        if (ImaHashAlgorithms.ForSignature(header.HashAlgorithm) is not { } hash)
        {
            detail = $"signatures over {header.HashAlgorithm} digests are not supported";
            return false;
        }
        if (!_byKeyId.TryGetValue(header.KeyId, out var candidates))
        {
            detail = $"no key with keyid 0x{header.KeyId:x8}";
            return false;
        }
        foreach (var key in candidates)
            if (key.VerifyDigest(e.FileDigest.Value, signature.AsSpan(header.Offset), hash))
            {
                detail = $"signature verified with key {key}";
                return true;
            }
        detail = $"the signature does not verify with key {string.Join(", ", candidates)}";
        return false;
    }
}
