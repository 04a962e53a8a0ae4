using System.Buffers;
using System.Text;
using System.Text.Json;
using GeoEdge.Ear;

namespace GeoEdge.Transparency;

/// <summary>
/// A tree head the log signed: ES256 over <see cref="TreeHeadData"/>, the signer named by the kid of its key in
/// the bridge's JWK Set. JSON: {"treeSize":N,"timestamp":ms,"rootHash":base64,"kid":"...","signature":base64url}.
/// </summary>
public sealed class SignedTreeHead
{
    public const int MaxKidLength = 256;
    public const int SignatureLength = 64;

    public long TreeSize { get; }
    /// <summary>Milliseconds since the Unix epoch at signing.</summary>
    public long Timestamp { get; }
    public byte[] RootHash { get; }
    public string Kid { get; }
    public byte[] Signature { get; }

    /// <exception cref="ArgumentException">a size, hash, kid or signature out of its bounds.</exception>
    public SignedTreeHead(long treeSize, long timestamp, byte[] rootHash, string kid, byte[] signature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        ArgumentNullException.ThrowIfNull(rootHash);
        ArgumentNullException.ThrowIfNull(kid);
        ArgumentNullException.ThrowIfNull(signature);
        if (rootHash.Length != MerkleHash.Size) throw new ArgumentException($"root hash must be {MerkleHash.Size} bytes, got {rootHash.Length}", nameof(rootHash));
        if (kid.Length is 0 or > MaxKidLength) throw new ArgumentException($"kid must be 1-{MaxKidLength} characters", nameof(kid));
        if (signature.Length != SignatureLength) throw new ArgumentException($"an ES256 signature is {SignatureLength} bytes, got {signature.Length}", nameof(signature));
        TreeSize = treeSize;
        Timestamp = timestamp;
        RootHash = rootHash.ToArray();
        Kid = kid;
        Signature = signature.ToArray();
    }

    public static SignedTreeHead Sign(long treeSize, long timestampMs, byte[] rootHash, EarSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SignedTreeHead(treeSize, timestampMs, rootHash, key.Kid, key.SignEs256(TreeHeadData.Encode(timestampMs, treeSize, rootHash)));
    }

    /// <summary>The bytes the signature covers.</summary>
    public byte[] SignedData() => TreeHeadData.Encode(Timestamp, TreeSize, RootHash);

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, LogJson.WriterOptions)) WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("treeSize", TreeSize);
        writer.WriteNumber("timestamp", Timestamp);
        writer.WriteString("rootHash", Convert.ToBase64String(RootHash));
        writer.WriteString("kid", Kid);
        writer.WriteString("signature", Base64UrlStrict.Encode(Signature));
        writer.WriteEndObject();
    }

    /// <exception cref="TransparencyFormatException">not a tree head document; the member is named.</exception>
    public static SignedTreeHead Parse(ReadOnlySpan<byte> utf8Json)
    {
        using var document = StrictDocument.Parse(utf8Json, "treeHead");
        return Read(document.RootElement, "treeHead");
    }

    internal static SignedTreeHead Read(JsonElement element, string path)
    {
        var members = new StrictObject(element, path, "treeSize", "timestamp", "rootHash", "kid", "signature");
        var treeSize = members.RequiredCount("treeSize");
        var timestamp = members.RequiredCount("timestamp");
        var rootHash = members.RequiredBase64("rootHash", MerkleHash.Size);
        var kid = members.RequiredString("kid", MaxKidLength);
        var signature = members.RequiredBase64Url("signature", SignatureLength);
        return new SignedTreeHead(treeSize, timestamp, rootHash, kid, signature);
    }
}
