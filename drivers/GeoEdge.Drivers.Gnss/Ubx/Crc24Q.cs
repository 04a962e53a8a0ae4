namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>CRC-24Q (generator 0x1864CFB, zero initial value, no reflection) over an MSB-first bit range.</summary>
public static class Crc24Q
{
    private const uint Polynomial = 0x864CFB; // 0x1864CFB without the implicit x^24 term

    public static uint Append(uint crc, ReadOnlySpan<byte> data, int startBit, int bitCount)
    {
        for (var i = 0; i < bitCount; i++)
        {
            var feedback = ((crc >> 23) & 1) ^ (uint)MsbBits.Get(data, startBit + i);
            crc = (crc << 1) & 0xFFFFFF;
            if (feedback != 0) crc ^= Polynomial;
        }
        return crc;
    }
}
