using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>Outcome of trying to read one UBX frame at the start of a buffer.</summary>
internal enum UbxParseOutcome
{
    /// <summary>The bytes so far are a plausible frame start; wait for more.</summary>
    NeedMore,
    Frame,
    BadChecksum,
    /// <summary>The declared length exceeds the configured maximum: not a frame we will buffer.</summary>
    Oversized,
    /// <summary>The buffer does not start with the two sync bytes.</summary>
    NoSync,
}

/// <summary>
/// Stateless frame recogniser shared by <see cref="UbxFrameReader"/> and the NMEA/UBX demultiplexer,
/// so both resynchronise by exactly the same rules.
/// </summary>
internal static class UbxFrameParser
{
    internal const byte Sync1 = 0xB5;
    internal const byte Sync2 = 0x62;
    /// <summary>Sync (2) + class/id (2) + length (2) + checksum (2).</summary>
    internal const int Overhead = 8;

    internal static UbxParseOutcome TryParse(ReadOnlySpan<byte> buffer, int maxPayloadLength, out UbxFrame? frame, out int frameLength)
    {
        frame = null;
        frameLength = 0;
        if (buffer.Length >= 1 && buffer[0] != Sync1) return UbxParseOutcome.NoSync;
        if (buffer.Length >= 2 && buffer[1] != Sync2) return UbxParseOutcome.NoSync;
        if (buffer.Length < 6) return UbxParseOutcome.NeedMore;
        int payloadLength = BinaryPrimitives.ReadUInt16LittleEndian(buffer.Slice(4, 2));
        if (payloadLength > maxPayloadLength) return UbxParseOutcome.Oversized;
        frameLength = payloadLength + Overhead;
        if (buffer.Length < frameLength) return UbxParseOutcome.NeedMore;
        var (a, b) = UbxChecksum.Compute(buffer.Slice(2, 4 + payloadLength));
        if (buffer[frameLength - 2] != a || buffer[frameLength - 1] != b) return UbxParseOutcome.BadChecksum;
        frame = new UbxFrame(buffer[2], buffer[3], buffer.Slice(6, payloadLength).ToArray());
        return UbxParseOutcome.Frame;
    }
}
