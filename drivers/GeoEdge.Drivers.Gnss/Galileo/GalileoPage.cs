namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// One received I/NAV nominal page: the transmitting satellite (SVID 1..36), the GST at which the page
/// started (an odd time of week on E1-B), the signal, and the 240 page bits MSB first
/// (<see cref="GeoEdge.Drivers.Gnss.Ubx.GalileoInavPage"/> layout). Whether its CRC holds is the
/// consumer's question: recordings keep broken pages so that they can be counted.
/// </summary>
public sealed record GalileoPage(int Svid, GalileoSystemTime Start, GalileoSignal Signal, ReadOnlyMemory<byte> Bits)
{
    public const int MaxSvid = 36;
}
