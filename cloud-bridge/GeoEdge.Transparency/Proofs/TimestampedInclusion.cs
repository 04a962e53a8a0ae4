using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GeoEdge.Transparency;

/// <summary>
/// Trusted time for one log entry without one TSA request per entry: an RFC 3161 token over a tree head of the
/// log (<see cref="StampedData"/>), and the entry's inclusion path into that tree. Whoever checks the path gets the
/// root, hence the bytes the token must cover; a token that covers them proves the entry was in the log by the
/// TSA's genTime. One token serves every entry appended before it was requested.
/// JSON: {"leafIndex":i,"treeSize":n,"inclusionPath":[base64,...],"token":base64 DER}.
/// </summary>
public sealed class TimestampedInclusion
{
    /// <summary>Real tokens are 1-10 KiB with the TSA's certificates; the verifier's own bound is larger still.</summary>
    public const int MaxTokenBytes = 64 * 1024;

    /// <summary>A document is the token in base64 plus at most 63 path hashes.</summary>
    public const int MaxDocumentBytes = MaxTokenBytes * 4 / 3 + 8 * 1024;

    public long LeafIndex { get; }
    public long TreeSize { get; }
    public IReadOnlyList<byte[]> InclusionPath { get; }
    public byte[] Token { get; }

    public TimestampedInclusion(long leafIndex, long treeSize, IReadOnlyList<byte[]> inclusionPath, byte[] token)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(treeSize);
        ArgumentNullException.ThrowIfNull(inclusionPath);
        ArgumentNullException.ThrowIfNull(token);
        if (leafIndex >= treeSize) throw new ArgumentOutOfRangeException(nameof(leafIndex), leafIndex, $"leaf {leafIndex} is not in a tree of {treeSize}");
        if (inclusionPath.Count > ProofDocument.MaxPathLength) throw new ArgumentException($"an inclusion path has at most {ProofDocument.MaxPathLength} hashes, got {inclusionPath.Count}", nameof(inclusionPath));
        if (inclusionPath.Any(h => h is null || h.Length != MerkleHash.Size)) throw new ArgumentException($"every path element must be a {MerkleHash.Size}-byte hash", nameof(inclusionPath));
        if (token.Length is 0 or > MaxTokenBytes) throw new ArgumentException($"a token has 1 to {MaxTokenBytes} bytes, got {token.Length}", nameof(token));
        LeafIndex = leafIndex;
        TreeSize = treeSize;
        InclusionPath = inclusionPath.Select(h => h.ToArray()).ToArray();
        Token = token.ToArray();
    }

    /// <summary>
    /// The bytes a tree-head token covers: RFC 9162's TreeHeadDataV2 for the tree with its timestamp field zero,
    /// since the TSA's genTime takes its place.
    /// </summary>
    public static byte[] StampedData(long treeSize, ReadOnlySpan<byte> rootHash) => TreeHeadData.Encode(0, treeSize, rootHash);

    /// <summary>
    /// Walks the path from <paramref name="entry"/>'s leaf to the root and returns the bytes the token must cover;
    /// anything but <see cref="InclusionCheck.Valid"/> means the path is not a path for this index and size.
    /// </summary>
    public InclusionCheck StampedDataFor(ReadOnlySpan<byte> entry, out byte[] stampedData)
    {
        stampedData = [];
        var check = MerkleVerifier.RootFromInclusion(MerkleHash.Leaf(entry), LeafIndex, TreeSize, InclusionPath, out var root);
        if (check == InclusionCheck.Valid) stampedData = StampedData(TreeSize, root);
        return check;
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, LogJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("leafIndex", LeafIndex);
            writer.WriteNumber("treeSize", TreeSize);
            writer.WriteStartArray("inclusionPath");
            foreach (var hash in InclusionPath) writer.WriteStringValue(Convert.ToBase64String(hash));
            writer.WriteEndArray();
            writer.WriteString("token", Convert.ToBase64String(Token));
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <exception cref="TransparencyFormatException">not such a document; the member at fault is named.</exception>
    public static TimestampedInclusion Parse(ReadOnlySpan<byte> utf8Json)
    {
        using var document = StrictDocument.Parse(utf8Json, "document", MaxDocumentBytes);
        var members = new StrictObject(document.RootElement, "", "leafIndex", "treeSize", "inclusionPath", "token");
        var leafIndex = members.RequiredCount("leafIndex");
        var treeSize = members.RequiredCount("treeSize");
        if (treeSize == 0) throw new TransparencyFormatException(members.PathOf("treeSize"), "an empty tree holds no entry");
        if (leafIndex >= treeSize) throw new TransparencyFormatException(members.PathOf("leafIndex"), $"{leafIndex} is not inside a tree of {treeSize} leaves");
        var path = ProofDocument.ReadPath(members);
        var token = members.RequiredBase64UpTo("token", MaxTokenBytes);
        return new TimestampedInclusion(leafIndex, treeSize, path, token);
    }
}
