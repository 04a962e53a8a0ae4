using GeoEdge.Drivers.Osnma.Messages;
using GeoEdge.Drivers.Osnma.Navigation;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>
/// What one satellite sent in one subframe and what has been done with it: the navigation data as of its end,
/// and, when all 15 pages arrived with a valid NMA header, the MACK waiting for its keys (next subframe for
/// ADKD 0/4, eleven subframes later for ADKD 12).
/// </summary>
internal sealed class SatelliteSubframe
{
    public SatelliteSubframe(int svid, long gst, NavSnapshot nav)
    {
        Svid = svid;
        Gst = gst;
        Nav = nav;
    }

    public int Svid { get; }
    public long Gst { get; }
    public NavSnapshot Nav { get; }

    /// <summary>Null when the subframe was incomplete or its header invalid: nothing to authenticate.</summary>
    public NmaHeader? Header { get; private set; }
    public byte[]? Mack { get; private set; }
    public long?[] TrustedUpper { get; } = new long?[SubframeAssembler.PagesPerSubframe];

    public bool KeyChecked { get; set; }
    public bool FastDone { get; set; }
    public bool SlowDone { get; set; }

    /// <summary>Slots that passed the MAC look-up table and MACSEQ checks in the fast pass, for the slow pass to use.</summary>
    public bool[]? AcceptedSlots { get; set; }

    public void SetOsnma(NmaHeader header, ReadOnlySpan<byte> mack, ReadOnlySpan<long?> trustedUpper)
    {
        Header = header;
        Mack = mack.ToArray();
        trustedUpper.CopyTo(TrustedUpper);
    }

    /// <summary>Nothing left to verify with this subframe (revoked chain, alert).</summary>
    public void Retire()
    {
        KeyChecked = FastDone = SlowDone = true;
    }
}
