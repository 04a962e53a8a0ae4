namespace GeoEdge.Ima;

/// <summary>PCR 10 in both banks after the first <paramref name="Entries"/> entries of a measurement list.</summary>
public sealed record ImaPcrState(int Entries, byte[] Sha1, byte[] Sha256)
{
    /// <summary>Before the first measurement: both banks all zero.</summary>
    public static ImaPcrState Initial { get; } = new(0, new byte[20], new byte[32]);

    /// <summary>The bank's value ("sha1" or "sha256").</summary>
    public byte[] Bank(string bank) => bank switch
    {
        "sha1" => Sha1,
        "sha256" => Sha256,
        _ => throw new ArgumentException($"PCR bank must be sha1 or sha256, got '{bank}'", nameof(bank)),
    };

    public bool Equals(ImaPcrState? other) =>
        other is not null && Entries == other.Entries && Sha1.AsSpan().SequenceEqual(other.Sha1) && Sha256.AsSpan().SequenceEqual(other.Sha256);

    public override int GetHashCode() => HashCode.Combine(Entries, Sha1.Length > 0 ? Sha1[0] : 0);

    public override string ToString() => $"after {Entries} entries: sha1 {Convert.ToHexStringLower(Sha1)}, sha256 {Convert.ToHexStringLower(Sha256)}";
}
