namespace GeoEdge.Ima;

/// <summary>
/// A Keylime runtime policy (format version 1: digests, excludes, keyrings, ima, ima-buf, verification-keys), or a
/// legacy flat allowlist. Immutable once read; safe to share between threads.
/// </summary>
public sealed class RuntimePolicy
{
    internal RuntimePolicy(PolicyDigests digests, PolicyDigests keyrings, PolicyDigests imaBuf, ExcludeList excludes,
        IReadOnlyList<string> ignoredKeyrings, string logHashAlgorithm, bool hasDeviceMapperPolicy, ImaVerificationKeys? verificationKeys, int release)
    {
        Digests = digests;
        Keyrings = keyrings;
        ImaBuf = imaBuf;
        ExcludeList = excludes;
        IgnoredKeyrings = ignoredKeyrings;
        LogHashAlgorithm = logHashAlgorithm;
        HasDeviceMapperPolicy = hasDeviceMapperPolicy;
        VerificationKeys = verificationKeys;
        Release = release;
    }

    /// <summary>Keylime's EMPTY_RUNTIME_POLICY: accepts nothing that is not excluded.</summary>
    public static RuntimePolicy Empty { get; } = new(new PolicyDigests(), new PolicyDigests(), new PolicyDigests(), ExcludeList.None, [], "sha1", false, null, 0);

    public int Release { get; }

    /// <summary>ima.log_hash_alg: the template hash algorithm of the list (sha1 on every kernel so far).</summary>
    public string LogHashAlgorithm { get; }

    public IReadOnlyList<string> Excludes => ExcludeList.Patterns;

    /// <summary>ima.ignored_keyrings: keyrings whose ima-buf key entries are not appraised ("*" for all).</summary>
    public IReadOnlyList<string> IgnoredKeyrings { get; }

    /// <summary>
    /// ima.dm_policy is present. Device-mapper measurements are not validated against it here: such ima-buf
    /// entries are looked up in the policy's ima-buf map like any other buffer.
    /// </summary>
    public bool HasDeviceMapperPolicy { get; }

    /// <summary>Keys from "verification-keys", null when the policy gives none.</summary>
    public ImaVerificationKeys? VerificationKeys { get; }

    /// <summary>Number of file digests ("digests" member) over all paths.</summary>
    public int DigestCount => Digests.Count;

    public int PathCount => Digests.Names;

    internal PolicyDigests Digests { get; }

    internal PolicyDigests Keyrings { get; }

    internal PolicyDigests ImaBuf { get; }

    internal ExcludeList ExcludeList { get; }

    /// <summary>Reads Keylime's JSON runtime policy. Throws <see cref="RuntimePolicyException"/> naming the bad member.</summary>
    public static RuntimePolicy Parse(ReadOnlySpan<byte> json) => RuntimePolicyJson.Parse(json);

    /// <summary>
    /// Reads Keylime's legacy allowlist: "HEX  PATH" per line (blank lines and '#' comments skipped), with an optional
    /// exclude list. As Keylime does, spaces in a path become '_' (the kernel writes them so in the list).
    /// </summary>
    public static RuntimePolicy FromAllowlist(string text, IEnumerable<string>? excludes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digests = new PolicyDigests();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var split = line.IndexOfAny([' ', '\t']);
            if (split < 0) throw new RuntimePolicyException($"line {lineNumber}", "expected 'HEX-DIGEST PATH'");
            var hex = line[..split];
            var path = line[split..].Trim().Replace(' ', '_');
            var value = Hex.TryDecode(hex);
            if (value is null || value.Length is < 16 or > 64)
                throw new RuntimePolicyException($"line {lineNumber}", $"'{ImaTemplate.Printable(hex)}' is not a hex digest");
            digests.Add(path, null, value);
        }
        var excludeList = ExcludeList.Create((excludes ?? []).ToList(), "excludes");
        return new RuntimePolicy(digests, new PolicyDigests(), new PolicyDigests(), excludeList, [], "sha1", false, null, 0);
    }
}
