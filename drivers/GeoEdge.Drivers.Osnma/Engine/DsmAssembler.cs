using GeoEdge.Drivers.Osnma.Messages;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>A DSM put together from its blocks, with the NMA header its blocks were broadcast with.</summary>
internal sealed record CompletedDsm(int DsmId, byte NmaHeader, byte[] Bytes);

/// <summary>
/// Reassembles DSMs from the 13-byte blocks every satellite broadcasts in its HKROOT, across satellites, by DSM ID.
/// Fixed memory: 16 DSM IDs x 16 blocks. A block that contradicts what is already held (another NMA header, other
/// bytes for the same block, a block ID beyond the announced count) restarts that DSM: a message ID is reused for
/// a new message only after the old one is finished, so a contradiction means the old assembly is stale or hostile.
/// </summary>
internal sealed class DsmAssembler
{
    private readonly Slot[] _slots = Enumerable.Range(0, 16).Select(_ => new Slot()).ToArray();

    public int PartialCount => _slots.Count(s => s.Received != 0);

    /// <summary>Adds a block; returns the DSM when this block completed it, or a rejection reason.</summary>
    public CompletedDsm? Add(byte nmaHeader, DsmHeader header, ReadOnlySpan<byte> block, out string? rejected)
    {
        rejected = null;
        var slot = _slots[header.DsmId];
        var bid = header.BlockId;
        if (slot.Received != 0 && slot.NmaHeader != nmaHeader) slot.Clear();
        var announced = 0;
        if (bid == 0)
        {
            announced = DsmBlocks.Count(header.IsPkr, block[0] >> 4);
            if (announced == 0)
            {
                rejected = $"DSM {header.DsmId} block 0 announces a reserved block count (NB {block[0] >> 4})";
                slot.Clear();
                return null;
            }
            if (slot.BlockCount != 0 && slot.BlockCount != announced) slot.Clear();
            slot.BlockCount = announced;
            slot.Received &= (1 << announced) - 1;
        }
        if (slot.BlockCount != 0 && bid >= slot.BlockCount)
        {
            rejected = $"DSM {header.DsmId} block {bid} is beyond its {slot.BlockCount} blocks";
            return null;
        }
        var bit = 1 << bid;
        var target = slot.Bytes.AsSpan(bid * DsmBlocks.BlockBytes, DsmBlocks.BlockBytes);
        if ((slot.Received & bit) != 0 && !target.SequenceEqual(block))
        {
            slot.Clear();
            slot.BlockCount = announced;
        }
        block.CopyTo(target);
        slot.Received |= bit;
        slot.NmaHeader = nmaHeader;
        if (slot.BlockCount == 0 || slot.Received != (1 << slot.BlockCount) - 1) return null;

        var dsm = new CompletedDsm(header.DsmId, slot.NmaHeader, slot.Bytes.AsSpan(0, slot.BlockCount * DsmBlocks.BlockBytes).ToArray());
        slot.Clear();
        return dsm;
    }

    private sealed class Slot
    {
        public readonly byte[] Bytes = new byte[DsmBlocks.MaxBlocks * DsmBlocks.BlockBytes];
        public int BlockCount;
        public int Received;
        public byte NmaHeader;

        public void Clear()
        {
            BlockCount = 0;
            Received = 0;
        }
    }
}
