namespace GeoEdge.MeasuredBoot;

/// <summary>An approved digest in one bank, written "sha256:hex" in policies.</summary>
public sealed record PolicyDigest(TpmHashAlgorithm Algorithm, byte[] Value)
{
    public override string ToString() => $"{Algorithm.Name()}:{Convert.ToHexStringLower(Value)}";

    public bool Matches(TpmHashAlgorithm bank, ReadOnlySpan<byte> digest) => Algorithm == bank && Value.AsSpan().SequenceEqual(digest);

    /// <summary>Parses "alg:hex"; the hex must have the algorithm's digest size.</summary>
    public static PolicyDigest Parse(string text, string field)
    {
        var colon = text.IndexOf(':');
        if (colon < 0) throw new BootPolicyException(field, $"'{Shorten(text)}' is not 'algorithm:hex'");
        return FromHex(text[..colon], text[(colon + 1)..], field);
    }

    /// <summary>An algorithm name and a hex digest (a "0x" prefix, as Keylime writes them, is accepted).</summary>
    public static PolicyDigest FromHex(string algorithmName, string hex, string field)
    {
        if (!TpmHashAlgorithms.TryParse(algorithmName, out var algorithm))
            throw new BootPolicyException(field, $"unknown hash algorithm '{Shorten(algorithmName)}'");
        var value = PolicyHex.Parse(hex, field);
        if (value.Length != algorithm.DigestSize())
            throw new BootPolicyException(field, $"a {algorithm.Name()} digest has {algorithm.DigestSize()} bytes, not {value.Length}");
        return new PolicyDigest(algorithm, value);
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
