using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma.Navigation;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>
/// Everything kept for one satellite: the subframe being assembled, its latest navigation words, a ring of its
/// last <see cref="RingSize"/> subframes (a slow-MAC tag needs the data of 12 subframes before its key arrives),
/// and what has been authenticated for it. Fixed size whatever the running time.
/// </summary>
internal sealed class SatelliteState(int svid)
{
    public const int RingSize = 14;
    private readonly SatelliteSubframe?[] _ring = new SatelliteSubframe?[RingSize];

    public int Svid { get; } = svid;
    public SubframeAssembler Assembler { get; } = new();
    public NavDataCollector Nav { get; } = new();
    public AuthenticationAccumulator Ced { get; } = new();
    public AuthenticationAccumulator Timing { get; } = new();

    /// <summary>The subframe whose navigation snapshot has been taken (so it is not taken twice).</summary>
    public long ClosedSubframe { get; set; } = -1;

    public GalileoSystemTime? NavDataAuthenticatedAt { get; set; }
    public byte[]? AuthenticatedCed { get; set; }
    public int? AuthenticatedIodNav { get; set; }
    public int? AuthenticatedWithChain { get; set; }
    public long AuthenticatedDataSubframe { get; set; } = -1;
    public GalileoSystemTime? TimingAuthenticatedAt { get; set; }
    public long LastSubframe { get; set; } = -1;

    public void Store(SatelliteSubframe subframe) => _ring[Slot(subframe.Gst)] = subframe;

    public SatelliteSubframe? At(long gst)
    {
        var s = _ring[Slot(gst)];
        return s is not null && s.Gst == gst ? s : null;
    }

    public IEnumerable<SatelliteSubframe> Subframes => _ring.Where(s => s is not null)!;

    public int StoredSubframes => _ring.Count(s => s is not null);

    public void ForgetAuthentication()
    {
        NavDataAuthenticatedAt = null;
        AuthenticatedCed = null;
        AuthenticatedIodNav = null;
        AuthenticatedWithChain = null;
        AuthenticatedDataSubframe = -1;
        TimingAuthenticatedAt = null;
        Ced.Forget(_ => true);
        Timing.Forget(_ => true);
    }

    private static int Slot(long gst) => (int)(gst / 30 % RingSize);
}
