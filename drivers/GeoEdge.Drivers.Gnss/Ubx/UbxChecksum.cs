namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>The UBX 8-bit Fletcher checksum, computed over class, id, length and payload.</summary>
public static class UbxChecksum
{
    public static (byte CkA, byte CkB) Compute(ReadOnlySpan<byte> classThroughPayload)
    {
        byte a = 0, b = 0;
        foreach (var x in classThroughPayload)
        {
            a += x;
            b += a;
        }
        return (a, b);
    }
}
