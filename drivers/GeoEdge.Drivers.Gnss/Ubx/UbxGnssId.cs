namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>The u-blox gnssId numbering used by UBX-NAV-SAT, UBX-RXM-SFRBX and friends.</summary>
public static class UbxGnssId
{
    public const byte Gps = 0;
    public const byte Sbas = 1;
    public const byte Galileo = 2;
    public const byte BeiDou = 3;
    public const byte Imes = 4;
    public const byte Qzss = 5;
    public const byte Glonass = 6;
    public const byte NavIc = 7;
}
