using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Something that happens to the broadcast at a subframe start. Apart from don't-use periods and tampering, events
/// must not overlap each other (the simulator rejects such a scenario).
/// </summary>
public abstract record OsnmaScenarioEvent(GalileoSystemTime At)
{
    /// <summary>When the event's effect on the NMA header / DSM rotation ends (null: until the end of the scenario).</summary>
    public abstract GalileoSystemTime? Until { get; }
}

/// <summary>
/// EOC: from <c>At</c> the header says End of Chain (CID still the old chain) and DSM-KROOTs of the old and the new chain
/// alternate; from <paramref name="NewChainStart"/> (a whole GST hour) the new chain's keys are broadcast, its CID is in
/// the header and CPKS is nominal again. Tags in the last old subframes use the new chain's keys, as on the air.
/// </summary>
public sealed record ChainRenewalEvent(GalileoSystemTime At, GalileoSystemTime NewChainStart) : OsnmaScenarioEvent(At)
{
    public override GalileoSystemTime? Until => NewChainStart;
}

/// <summary>
/// CREV: from <c>At</c> NMAS is don't-use and CPKS chain-revoked while the revoked chain's keys and tags go on; the new
/// chain's DSM-KROOT is sent. From <paramref name="NewChainStart"/> (a whole hour) the new chain is in force (NMAS back,
/// CPKS still revoked, DSM-KROOT of the new chain alternating with the current key's DSM-PKR) until <paramref name="RecoveredAt"/>.
/// </summary>
public sealed record ChainRevocationEvent(GalileoSystemTime At, GalileoSystemTime NewChainStart, GalileoSystemTime RecoveredAt) : OsnmaScenarioEvent(At)
{
    public override GalileoSystemTime? Until => RecoveredAt;
}

/// <summary>
/// NPK: from <c>At</c> CPKS is new-public-key and the new key's DSM-PKR alternates with DSM-KROOTs signed by the old key;
/// from <paramref name="SwitchAt"/> the DSM-KROOTs are signed by the new key; from <paramref name="EndAt"/> nominal.
/// </summary>
public sealed record NewPublicKeyEvent(GalileoSystemTime At, GalileoSystemTime SwitchAt, GalileoSystemTime EndAt, OsnmaPublicKeyType KeyType) : OsnmaScenarioEvent(At)
{
    public override GalileoSystemTime? Until => EndAt;
}

/// <summary>
/// PKREV: from <c>At</c> the current key is revoked: NMAS don't-use, CPKS public-key-revoked, the new key's DSM-PKR
/// alternates with the chain's DSM-KROOT re-signed by the new key; from <paramref name="EndAt"/> nominal with the new key.
/// </summary>
public sealed record PublicKeyRevocationEvent(GalileoSystemTime At, GalileoSystemTime EndAt, OsnmaPublicKeyType KeyType) : OsnmaScenarioEvent(At)
{
    public override GalileoSystemTime? Until => EndAt;
}

/// <summary>
/// NMT: from <c>At</c> CPKS is new-Merkle-tree and the DSM-PKRs carry a key of the second tree (the receiver needs that
/// tree's root, see <see cref="OsnmaTrustAnchors.NextMerkleRoot"/>); from <paramref name="SwitchAt"/> DSM-KROOTs are signed
/// by it; from <paramref name="EndAt"/> nominal. Later events use the second tree.
/// </summary>
public sealed record NewMerkleTreeEvent(GalileoSystemTime At, GalileoSystemTime SwitchAt, GalileoSystemTime EndAt, OsnmaPublicKeyType KeyType) : OsnmaScenarioEvent(At)
{
    public override GalileoSystemTime? Until => EndAt;
}

/// <summary>AM: from <c>At</c> to the end NMAS is don't-use, CPKS alert, and HKROOT carries only the alert DSM-PKR (NPKT 4).</summary>
public sealed record AlertMessageEvent(GalileoSystemTime At) : OsnmaScenarioEvent(At)
{
    public override GalileoSystemTime? Until => null;
}

/// <summary>NMAS = don't use in [At, Until); everything else goes on (keys, tags).</summary>
public sealed record DontUsePeriodEvent(GalileoSystemTime At, GalileoSystemTime End) : OsnmaScenarioEvent(At)
{
    public override GalileoSystemTime? Until => End;
}

/// <summary>Which authenticated data the tampering alters.</summary>
public enum TamperTarget
{
    /// <summary>One bit of M0 in word type 1: ADKD 0 and 12 tags over it fail.</summary>
    Ephemeris,
    /// <summary>One bit of A0 in word type 6: ADKD 4 tags over it fail.</summary>
    Timing,
}

/// <summary>
/// The words of <paramref name="Svids"/> sent in subframes [At, End) are altered after the tags were computed over the
/// true data (pages keep valid CRCs). Tags in the following subframe that cover the altered data must then fail.
/// </summary>
public sealed record NavigationTamperingEvent(GalileoSystemTime At, GalileoSystemTime End, IReadOnlyList<int> Svids, TamperTarget Target) : OsnmaScenarioEvent(At)
{
    public override GalileoSystemTime? Until => End;
}
