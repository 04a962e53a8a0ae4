namespace GeoEdge.Ima;

/// <summary>
/// One of a policy's name-to-digests maps (digests, keyrings, ima-buf). A lookup is one hash-table probe and a scan of
/// the few digests accepted for that name, so a policy of 100,000 files costs nothing per entry.
/// </summary>
internal sealed class PolicyDigests
{
    private readonly Dictionary<string, List<Accepted>> _byName = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public int Names => _byName.Count;

    /// <param name="algorithm">Null when the policy gives bare hex (Keylime's usual form): any algorithm of that length.</param>
    public void Add(string name, string? algorithm, byte[] value)
    {
        if (!_byName.TryGetValue(name, out var list)) _byName[name] = list = new List<Accepted>(1);
        list.Add(new Accepted(algorithm, value));
        Count++;
    }

    public PolicyLookup Lookup(string name, ImaDigest digest)
    {
        if (!_byName.TryGetValue(name, out var accepted)) return PolicyLookup.NameMissing;
        foreach (var a in accepted)
            if ((a.Algorithm is null || a.Algorithm == digest.Algorithm) && a.Value.AsSpan().SequenceEqual(digest.Value))
                return PolicyLookup.Accepted;
        return PolicyLookup.DigestMissing;
    }

    /// <summary>The accepted digests for a name, as text, for a failure's detail (at most a few).</summary>
    public string Describe(string name)
    {
        if (!_byName.TryGetValue(name, out var accepted)) return "none";
        var shown = accepted.Take(4).Select(a => (a.Algorithm is null ? "" : a.Algorithm + ":") + Convert.ToHexStringLower(a.Value));
        return string.Join(", ", shown) + (accepted.Count > 4 ? $" and {accepted.Count - 4} more" : "");
    }

    private readonly record struct Accepted(string? Algorithm, byte[] Value);
}

internal enum PolicyLookup
{
    Accepted,
    NameMissing,
    DigestMissing,
}
