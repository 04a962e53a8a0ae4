using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GeoEdge.Transparency;

/// <summary>
/// Everything needed to check offline that an entry is in the log:
/// {"leafIndex":i,"treeSize":n,"leafHash":base64,"inclusionPath":[base64,...],"treeHead":{signed tree head}}.
/// leafHash is optional when read (it lets a verifier tell a wrong entry from a wrong path); the log always writes it.
/// </summary>
public sealed class ProofDocument
{
    /// <summary>A tree of fewer than 2^63 leaves has paths of at most 63 hashes; one more is already a forgery.</summary>
    public const int MaxPathLength = 63;

    public long LeafIndex { get; }
    public long TreeSize { get; }
    public byte[]? LeafHash { get; }
    public IReadOnlyList<byte[]> InclusionPath { get; }
    public SignedTreeHead TreeHead { get; }

    public ProofDocument(long leafIndex, long treeSize, IReadOnlyList<byte[]> inclusionPath, SignedTreeHead treeHead, byte[]? leafHash = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        ArgumentNullException.ThrowIfNull(inclusionPath);
        ArgumentNullException.ThrowIfNull(treeHead);
        if (inclusionPath.Count > MaxPathLength) throw new ArgumentException($"an inclusion path has at most {MaxPathLength} hashes, got {inclusionPath.Count}", nameof(inclusionPath));
        if (inclusionPath.Any(h => h is null || h.Length != MerkleHash.Size)) throw new ArgumentException($"every path element must be a {MerkleHash.Size}-byte hash", nameof(inclusionPath));
        if (leafHash is not null && leafHash.Length != MerkleHash.Size) throw new ArgumentException($"leaf hash must be {MerkleHash.Size} bytes", nameof(leafHash));
        LeafIndex = leafIndex;
        TreeSize = treeSize;
        InclusionPath = inclusionPath.Select(h => h.ToArray()).ToArray();
        TreeHead = treeHead;
        LeafHash = leafHash?.ToArray();
    }

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, LogJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("leafIndex", LeafIndex);
            writer.WriteNumber("treeSize", TreeSize);
            if (LeafHash is not null) writer.WriteString("leafHash", Convert.ToBase64String(LeafHash));
            writer.WriteStartArray("inclusionPath");
            foreach (var hash in InclusionPath) writer.WriteStringValue(Convert.ToBase64String(hash));
            writer.WriteEndArray();
            writer.WritePropertyName("treeHead");
            TreeHead.WriteTo(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <exception cref="TransparencyFormatException">not a proof document; the member at fault is named.</exception>
    public static ProofDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        using var document = StrictDocument.Parse(utf8Json, "document");
        var members = new StrictObject(document.RootElement, "", "leafIndex", "treeSize", "leafHash", "inclusionPath", "treeHead");
        var leafIndex = members.RequiredCount("leafIndex");
        var treeSize = members.RequiredCount("treeSize");
        var leafHash = members.Has("leafHash") ? members.RequiredBase64("leafHash", MerkleHash.Size) : null;
        var path = ReadPath(members);
        var treeHead = SignedTreeHead.Read(members.Required("treeHead", JsonValueKind.Object), members.PathOf("treeHead"));
        return new ProofDocument(leafIndex, treeSize, path, treeHead, leafHash);
    }

    /// <summary>The "inclusionPath" member: at most <see cref="MaxPathLength"/> canonical base64 hashes.</summary>
    internal static List<byte[]> ReadPath(StrictObject members)
    {
        var pathArray = members.Required("inclusionPath", JsonValueKind.Array);
        if (pathArray.GetArrayLength() > MaxPathLength)
            throw new TransparencyFormatException(members.PathOf("inclusionPath"), $"{pathArray.GetArrayLength()} hashes, more than the {MaxPathLength} any tree needs");
        var path = new List<byte[]>(pathArray.GetArrayLength());
        foreach (var element in pathArray.EnumerateArray())
            path.Add(StrictObject.Base64(element, $"{members.PathOf("inclusionPath")}[{path.Count}]", MerkleHash.Size));
        return path;
    }

    public static ProofDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > StrictDocument.MaxBytes) throw new TransparencyFormatException("document", $"{json.Length} characters, more than the {StrictDocument.MaxBytes} allowed");
        return Parse(Encoding.UTF8.GetBytes(json));
    }
}
