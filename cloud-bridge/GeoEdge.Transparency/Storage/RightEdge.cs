namespace GeoEdge.Transparency;

/// <summary>
/// The complete subtrees a tree of n leaves is made of, largest first (one per set bit of n): all an append
/// needs to compute its new nodes, and all the current root needs, in O(log n) without reading the store.
/// </summary>
internal sealed class RightEdge
{
    private readonly List<byte[]> _hashes = [];

    public long Size { get; private set; }

    /// <summary>The nodes an appended leaf completes, bottom-up as (level, index, hash); the first is the leaf itself.</summary>
    public List<(int Level, long Index, byte[] Hash)> Append(byte[] leafHash)
    {
        var created = new List<(int, long, byte[])> { (0, Size, leafHash) };
        var hash = leafHash;
        var index = Size;
        var level = 0;
        // Each trailing one bit of the old size is a complete left sibling waiting for this right half.
        while ((index & 1) == 1)
        {
            hash = MerkleHash.Node(_hashes[^1], hash);
            _hashes.RemoveAt(_hashes.Count - 1);
            index >>= 1;
            level++;
            created.Add((level, index, hash));
        }
        _hashes.Add(hash);
        Size++;
        return created;
    }

    /// <summary>MTH of the whole tree: the complete subtrees folded from the right.</summary>
    public byte[] Root()
    {
        if (Size == 0) return MerkleHash.EmptyTree();
        var root = _hashes[^1];
        for (var i = _hashes.Count - 2; i >= 0; i--) root = MerkleHash.Node(_hashes[i], root);
        return root;
    }

    /// <summary>Rebuilds the edge of a stored tree of <paramref name="size"/> leaves from its complete-subtree hashes.</summary>
    public static RightEdge Load(long size, CompleteSubtreeHash subtree)
    {
        var edge = new RightEdge { Size = size };
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) == 0) continue;
            edge._hashes.Add(subtree(level, start >> level));
            start += 1L << level;
        }
        return edge;
    }

    /// <summary>A copy to append a batch to, so a failed transaction leaves this one as it was.</summary>
    public RightEdge Clone()
    {
        var copy = new RightEdge { Size = Size };
        copy._hashes.AddRange(_hashes);
        return copy;
    }
}
