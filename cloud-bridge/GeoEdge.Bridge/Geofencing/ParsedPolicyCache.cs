using GeoEdge.Bridge.Store;
using GeoEdge.Geofencing;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>
/// Parsed policies by (owner, policy id, version), so a reading does not re-parse every policy that applies
/// to its host. A stored version never changes, so a hit is exact; the body is compared too, which costs a
/// string comparison and keeps the cache honest even if a store were swapped under it. Least recently used
/// entries go first once either bound is passed: <see cref="MaxEntries"/>, or <see cref="MaxBodyChars"/>
/// summed over the cached bodies (a parsed fence is roughly proportional to its body, so this bounds the
/// memory that many or large policies can pin). Thread-safe.
/// </summary>
internal sealed class ParsedPolicyCache(int maxEntries = ParsedPolicyCache.DefaultMaxEntries, long maxBodyChars = ParsedPolicyCache.DefaultMaxBodyChars)
{
    public const int DefaultMaxEntries = 4096;
    /// <summary>32 policies of the largest size the API accepts (<see cref="PolicyDocument.MaxBytes"/>).</summary>
    public const long DefaultMaxBodyChars = 32L * PolicyDocument.MaxBytes;

    /// <summary>The parsed policy, or why it does not parse (a policy-invalid finding).</summary>
    public sealed record Outcome(LocationPolicy? Parsed, string? Problem);

    private readonly record struct Key(bool IsGroup, string Owner, string PolicyId, int Version);

    private sealed record Entry(Key Key, string Body, Outcome Outcome);

    private readonly Lock _gate = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private long _bodyChars;

    public int MaxEntries { get; } = maxEntries > 0 ? maxEntries : throw new ArgumentOutOfRangeException(nameof(maxEntries));
    public long MaxBodyChars { get; } = maxBodyChars > 0 ? maxBodyChars : throw new ArgumentOutOfRangeException(nameof(maxBodyChars));

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>The cached outcome for this stored version, or <paramref name="parse"/>'s, which is then cached.</summary>
    public Outcome GetOrParse(StoredPolicy policy, Func<StoredPolicy, Outcome> parse)
    {
        var key = new Key(policy.Group is not null, policy.Group ?? policy.HostId, policy.PolicyId, policy.Version);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node) && string.Equals(node.Value.Body, policy.Body, StringComparison.Ordinal))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Outcome;
            }
        }
        // Parsed outside the lock: a large GeoJSON body must not hold up the other hosts' readings.
        // Two threads may parse the same version at once; both get equal answers and one is kept.
        var outcome = parse(policy);
        lock (_gate)
        {
            if (_entries.Remove(key, out var stale)) Unlink(stale);
            var added = _recency.AddFirst(new Entry(key, policy.Body, outcome));
            _entries[key] = added;
            _bodyChars += policy.Body.Length;
            while (_entries.Count > MaxEntries || (_bodyChars > MaxBodyChars && _recency.Last != added))
            {
                var oldest = _recency.Last!;
                _entries.Remove(oldest.Value.Key);
                Unlink(oldest);
            }
        }
        return outcome;
    }

    private void Unlink(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _bodyChars -= node.Value.Body.Length;
    }
}
