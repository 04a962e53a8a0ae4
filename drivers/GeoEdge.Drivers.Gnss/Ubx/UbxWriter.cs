using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>Builds complete UBX frames (sync, header, payload, checksum), e.g. for the simulator.</summary>
public static class UbxWriter
{
    public static byte[] Frame(byte cls, byte id, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > ushort.MaxValue)
            throw new ArgumentException($"UBX payload of {payload.Length} bytes exceeds the 16-bit length field.", nameof(payload));
        var frame = new byte[payload.Length + UbxFrameParser.Overhead];
        frame[0] = UbxFrameParser.Sync1;
        frame[1] = UbxFrameParser.Sync2;
        frame[2] = cls;
        frame[3] = id;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(4), (ushort)payload.Length);
        payload.CopyTo(frame.AsSpan(6));
        var (a, b) = UbxChecksum.Compute(frame.AsSpan(2, 4 + payload.Length));
        frame[^2] = a;
        frame[^1] = b;
        return frame;
    }
}
