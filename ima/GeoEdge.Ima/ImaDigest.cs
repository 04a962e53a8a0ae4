namespace GeoEdge.Ima;

/// <summary>A file (or buffer) digest as IMA records it: the kernel's algorithm name ("sha1", "sha256", ...) and the bytes.</summary>
public sealed record ImaDigest(string Algorithm, byte[] Value)
{
    public override string ToString() => $"{Algorithm}:{Convert.ToHexStringLower(Value)}";

    public bool Equals(ImaDigest? other) =>
        other is not null && Algorithm == other.Algorithm && Value.AsSpan().SequenceEqual(other.Value);

    public override int GetHashCode() => HashCode.Combine(Algorithm, Value.Length > 0 ? Value[0] : 0, Value.Length);
}
