using System.Buffers.Binary;
using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>GST as the 32 bits OSNMA hashes and MACs: WN (12 bits) || TOW (20 bits), big-endian.</summary>
public static class OsnmaGst
{
    public const int SubframeSeconds = 30;

    public static uint ToUInt32(GalileoSystemTime gst) => ((uint)(gst.WeekNumber & 0xFFF) << 20) | (uint)gst.TimeOfWeek;

    public static void Write(GalileoSystemTime gst, Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, ToUInt32(gst));

    public static bool IsSubframeStart(GalileoSystemTime gst) => gst.TimeOfWeek % SubframeSeconds == 0;
}
