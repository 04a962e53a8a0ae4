namespace GeoEdge.Drivers.Osnma.Navigation;

/// <summary>
/// What a satellite's navigation data was at the end of one subframe: the ADKD 0/12 bits (complete and one IODnav)
/// and the ADKD 4 bits, each with the age in subframes of its oldest word, for the cut-off-point check.
/// </summary>
internal sealed record NavSnapshot(byte[]? Ced, int CedMaxAge, int IodNav, byte[]? Timing, int TimingMaxAge)
{
    public static readonly NavSnapshot Empty = new(null, 0, -1, null, 0);
}
