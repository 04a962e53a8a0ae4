using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Gnss;

/// <summary>Counters of a <see cref="GnssStreamReceiver"/> since it was created.</summary>
/// <param name="MalformedUbxMessages">UBX frames with a valid checksum whose payload did not match the layout of NAV-PVT, NAV-SAT, NAV-STATUS, SEC-SIG, MON-HW or NAV-TIMEGAL.</param>
/// <param name="PagesWithBadCrc">Delivered pages whose CRC-24Q does not hold (delivered anyway: the verifier decides).</param>
/// <param name="PageCallbackFailures">Times the page callback threw; each was logged and reading went on.</param>
/// <param name="PageRejections">Subframes not turned into pages, by reason.</param>
public sealed record GnssStreamStatistics(
    long BytesRead,
    long UbxFrames,
    long NmeaLines,
    long BadUbxChecksums,
    long DiscardedBytes,
    long MalformedUbxMessages,
    long PagesDelivered,
    long PagesWithBadCrc,
    long PageCallbackFailures,
    IReadOnlyDictionary<GalileoPageRejection, long> PageRejections);
