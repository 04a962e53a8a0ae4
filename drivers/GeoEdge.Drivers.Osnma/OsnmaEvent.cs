using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma;

/// <summary>
/// Something worth telling the operator: a status change, a failed check, a state load result. <paramref name="Svid"/>
/// names the satellite the event is about when there is one (for a failed tag: the satellite whose data it covers).
/// </summary>
public sealed record OsnmaEvent(GalileoSystemTime? At, string Kind, string Message, int? Svid = null);

/// <summary>The <see cref="OsnmaEvent.Kind"/> values.</summary>
public static class OsnmaEventKinds
{
    public const string StateLoaded = "StateLoaded";
    public const string StateRejected = "StateRejected";
    public const string StateSaved = "StateSaved";
    public const string StateSaveFailed = "StateSaveFailed";
    public const string AnchorRejected = "AnchorRejected";
    public const string PublicKeyVerified = "PublicKeyVerified";
    public const string PublicKeyRejected = "PublicKeyRejected";
    public const string PublicKeyRevoked = "PublicKeyRevoked";
    public const string KrootVerified = "KrootVerified";
    public const string KrootRejected = "KrootRejected";
    public const string TeslaKeyRejected = "TeslaKeyRejected";
    public const string MacseqFailed = "MacseqFailed";
    public const string TagFailed = "TagFailed";
    public const string ChainRevoked = "ChainRevoked";
    public const string NewMerkleTree = "NewMerkleTree";
    public const string AlertMessage = "AlertMessage";
    public const string StatusChanged = "StatusChanged";
    public const string DsmRejected = "DsmRejected";
    public const string MalformedPage = "MalformedPage";
    public const string NavDataAuthenticated = "NavDataAuthenticated";
}
