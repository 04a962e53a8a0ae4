using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma.Messages;

namespace GeoEdge.Drivers.Osnma;

/// <summary>How the receiver started: Merkle root only (Cold), with a verified public key (Warm), or also a verified DSM-KROOT (Hot).</summary>
public enum OsnmaStartMode
{
    Cold,
    Warm,
    Hot,
}

/// <summary>
/// Authentication state of one satellite. NavDataCurrent: the authenticated ADKD 0/12 data is the data the satellite
/// is broadcasting now (its latest complete set of words 1-5).
/// </summary>
public sealed record SatelliteAuthentication(
    int Svid,
    GalileoSystemTime? NavDataAuthenticatedAt,
    int? AuthenticatedIodNav,
    bool NavDataCurrent,
    GalileoSystemTime? TimingAuthenticatedAt,
    int? AuthenticatedWithChain,
    GalileoSystemTime? LastSubframe);

/// <summary>Counters since the receiver was created. Subframes are counted once per GST_SF by the NMAS seen in it.</summary>
public sealed record OsnmaCounters(
    long Pages,
    long CrcFailures,
    long TagsAuthenticated,
    long TagsFailed,
    long NavDataAuthenticated,
    long KrootVerified,
    long KrootFailed,
    long PublicKeysVerified,
    long PublicKeysFailed,
    long MacseqFailed,
    long TeslaKeysVerified,
    long TeslaKeysFailed,
    long DummyTagsVerified,
    long DistinctNavDataAuthenticated,
    long TagsWithoutNavData,
    long TagsWithoutTrustedTime,
    long TagsUntimely,
    long TagsDontUse,
    long IgnoredPages,
    long MalformedPages,
    long IncompleteSubframes,
    long InvalidHeaders,
    long DsmBlocksRejected,
    long DsmRejected,
    GalileoSystemTime? FirstPage,
    GalileoSystemTime? FirstAuthenticated,
    int SubframesOperational,
    int SubframesTest,
    int SubframesDontUse);

/// <summary>The receiver's view of the OSNMA service right now.</summary>
public sealed record OsnmaStatusSnapshot(
    OsnmaStartMode StartMode,
    OsnmaNmaStatus? Nmas,
    OsnmaChainAndKeyStatus? Cpks,
    int? ChainId,
    int? PublicKeyId,
    IReadOnlyList<int> VerifiedPublicKeyIds,
    IReadOnlyList<int> KnownChainIds,
    bool AlertReceived,
    bool HasTrustedTime,
    GalileoSystemTime? LastPage);
