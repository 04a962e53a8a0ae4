namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>The Galileo signal a navigation page came from (u-blox sigId numbering). OSNMA rides on E1-B only.</summary>
public enum GalileoSignal : byte
{
    E1B = 1,
    E5bI = 5,
}
