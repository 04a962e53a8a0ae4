namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>A DSM cut into the 13-byte blocks that ride in HKROOT bytes 2..14, block 0 first.</summary>
public static class DsmBlocks
{
    public static IReadOnlyList<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> dsm)
    {
        if (dsm.Length == 0 || dsm.Length % OsnmaFieldSizes.DsmBlockBytes != 0)
            throw new ArgumentException($"a DSM is a whole number of {OsnmaFieldSizes.DsmBlockBytes}-byte blocks, got {dsm.Length} bytes", nameof(dsm));
        var count = dsm.Length / OsnmaFieldSizes.DsmBlockBytes;
        if (count > 16) throw new ArgumentException($"BID is 4 bits: at most 16 blocks, got {count}", nameof(dsm));
        var blocks = new ReadOnlyMemory<byte>[count];
        for (var i = 0; i < count; i++) blocks[i] = dsm.Slice(i * OsnmaFieldSizes.DsmBlockBytes, OsnmaFieldSizes.DsmBlockBytes);
        return blocks;
    }
}
