namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>
/// Verified tag bits per piece of navigation data of one satellite and one data class (ADKD 0/12 share the same
/// 549 bits; ADKD 4 has its own 141), until the authentication threshold is reached (Receiver Guidelines: the
/// data counts as authenticated once the verified tags over it add up to the threshold, 80 bits by default).
/// Keeps the last <see cref="MaxEntries"/> distinct data sets: older ones can no longer be referred to by tags.
/// </summary>
internal sealed class AuthenticationAccumulator
{
    public const int MaxEntries = 4;
    private readonly List<Entry> _entries = new(MaxEntries);

    public int Count => _entries.Count;

    public sealed class Entry(byte[] data, int iodNav)
    {
        public byte[] Data { get; } = data;
        public int IodNav { get; } = iodNav;
        public int Bits { get; set; }
        public long LastUse { get; set; }
        /// <summary>Bit c set when chain c contributed verified tags.</summary>
        public int ChainMask { get; set; }
    }

    /// <summary>Adds <paramref name="bits"/> verified bits to <paramref name="data"/>; returns the entry after adding.</summary>
    public Entry Add(byte[] data, int iodNav, int bits, int chainId, long sequence)
    {
        var entry = _entries.Find(e => e.Data.AsSpan().SequenceEqual(data));
        if (entry is null)
        {
            if (_entries.Count == MaxEntries) _entries.Remove(_entries.MinBy(e => e.LastUse)!);
            entry = new Entry(data, iodNav);
            _entries.Add(entry);
        }
        entry.Bits += bits;
        entry.LastUse = sequence;
        entry.ChainMask |= 1 << chainId;
        return entry;
    }

    /// <summary>Forgets everything verified with the chain (revocation) or everything (alert, key revocation).</summary>
    public void Forget(Func<Entry, bool> which) => _entries.RemoveAll(e => which(e));
}
