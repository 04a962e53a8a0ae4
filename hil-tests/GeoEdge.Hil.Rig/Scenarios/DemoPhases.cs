using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Simulators;
using GeoEdge.Hil.Rig.Simulators.Modem;
using System.Runtime.CompilerServices;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>The phases the demo scenarios are made of.</summary>
public static class DemoPhases
{
    /// <summary>
    /// The agent's OSNMA verifier needs a KROOT and then a TESLA key (one to two simulated minutes, plus the
    /// agent's start) before a fix counts as authenticated: at 20x and one reading a second, well under 90.
    /// </summary>
    private const int AuthenticationWait = 90;

    /// <summary>A genuine host inside its fence: affirming once OSNMA has authenticated the fix.</summary>
    public static DemoPhase Authenticated { get; } = new(null,
        "an affirming verdict inside the fence from an OSNMA-authenticated fix",
        (_, r) => GnssVerdicts.IsAuthenticatedInside(r),
        (_, r) => r.Geofence == "inside" && GnssVerdicts.IsGenuine(r.EarStatus, r.Reasons),
        AuthenticationWait);

    /// <summary>The simulated host is far outside its fence.</summary>
    public static DemoPhase Outside { get; } = new(null,
        "a contraindicated verdict outside the fence",
        (_, r) => IsOutside(r), (_, r) => IsOutside(r), 20);

    /// <summary>An attacker republishes moved copies of the readings: each copy is refused, the genuine readings are not.</summary>
    public static DemoPhase ForgedCopiesRefused { get; } = new(null,
        "a forged copy refused (qualifying-data-mismatch)",
        (_, r) => IsRefusedCopy(r),
        (_, r) => IsRefusedCopy(r) || r.Geofence == "inside" && GnssVerdicts.IsGenuine(r.EarStatus, r.Reasons),
        20);

    /// <summary>
    /// The simulator forges the ephemeris of every third Galileo satellite in use, keeping the CRCs right: the
    /// receiver still navigates with them, and only their OSNMA tags fail. The bridge must stop affirming and
    /// name exactly those satellites.
    /// </summary>
    public static DemoPhase ForgedEphemeris { get; } = new(ForgeEveryThirdUsedSatellite,
        "a warning naming exactly the forged satellites as unauthenticated",
        (rig, r) => r.EarStatus == "warning" && r.Geofence == "inside" && !r.Has(GnssVerdicts.SpoofingIndicated)
                    && r.UnauthenticatedSatellites().SetEquals(Forged(rig)),
        // While OSNMA re-authenticates new ephemeris, genuine satellites may be named as well; forged ones always are.
        (rig, r) => r.EarStatus == "warning" && r.Geofence == "inside" && r.UnauthenticatedSatellites().IsSupersetOf(Forged(rig)),
        30);

    /// <summary>The receiver's own spoofing detector raises its flag: the bridge contradicts the claim to be inside.</summary>
    public static DemoPhase ReceiverSeesSpoofing { get; } = new(RaiseReceiverSpoofingFlag,
        "a contraindicated verdict (gnss-spoofing-indicated)",
        (_, r) => IsSpoofingContraindicated(r), (_, r) => IsSpoofingContraindicated(r), 10);

    /// <summary>The path of the binary the unapproved-binary phase runs on the host.</summary>
    public const string UnapprovedBinaryPath = "/tmp/.cache/xmrig";

    /// <summary>
    /// One boot application's digest is altered in the log the agent reads (the TPM keeps what was really
    /// measured): the log no longer replays to the quote, and the verdict names the altered event.
    /// </summary>
    public static DemoPhase TamperedBootLog { get; } = new(TamperBootLog,
        "a contraindicated verdict (boot-log-mismatch) naming the altered event",
        (rig, r) => r.IsTamperedBoot(TamperedEvent(rig)), (rig, r) => r.IsTamperedBoot(TamperedEvent(rig)), 20);

    /// <summary>
    /// A binary the runtime policy does not know runs on the host: the kernel (here the rig) measures it into
    /// the IMA list and PCR 10. The verdict names the entry; the failure lasts until the host reboots.
    /// </summary>
    public static DemoPhase UnapprovedBinary { get; } = new(RunUnapprovedBinary,
        "a contraindicated verdict naming the unapproved IMA entry",
        (_, r) => r.IsUnapprovedBinary(UnapprovedBinaryPath), (_, r) => r.IsUnapprovedBinary(UnapprovedBinaryPath), 30);

    /// <summary>The SIM the sim-swap phase puts into the modem.</summary>
    public static SimulatedSim SwappedSim { get; } = new("8934019999999999999", "214019999999999");

    /// <summary>Someone moves the host's identity: another SIM in its modem. Contraindicated, naming both ICCIDs, until approved.</summary>
    public static DemoPhase SimSwapped { get; } = new(rig =>
        {
            Modem(rig).SwapSim(SwappedSim);
            return $"modem: SIM {SimulatedSim.Example.Iccid} taken out, {SwappedSim.Iccid} put in";
        },
        "a contraindicated verdict (composition-changed) naming the old and new ICCID",
        (_, r) => IsSwapped(r), (_, r) => IsSwapped(r), 20);

    /// <summary>The SIM is pulled: contraindicated (sim-removed) at the next reading.</summary>
    public static DemoPhase SimRemoved { get; } = new(rig =>
        {
            Modem(rig).RemoveSim();
            return "modem: SIM removed (+CPIN: NOT READY)";
        },
        "a contraindicated verdict (sim-removed)",
        (_, r) => IsSimRemoved(r), (_, r) => IsSimRemoved(r), 10);

    /// <summary>
    /// The modem hands over to a cell in Lisbon while the GNSS fix stays in Madrid: the serving cell, some 500 km
    /// away, contradicts the fix (gnss-cell-mismatch, contraindicated).
    /// </summary>
    public static DemoPhase GnssCellMismatch { get; } = new(rig =>
        {
            Modem(rig).SetCell(RigCellTowers.Lisbon);
            return $"modem: now camped on {RigCellTowers.Lisbon.OperatorName} cell {RigCellTowers.Lisbon.Plmn}/{RigCellTowers.Lisbon.Tac}/{RigCellTowers.Lisbon.CellId} in Lisbon; GNSS still says Madrid";
        },
        "a contraindicated verdict (gnss-cell-mismatch) with location grade F",
        (_, r) => IsContradicted(r, "gnss-cell-mismatch"), (_, r) => IsContradicted(r, "gnss-cell-mismatch"), 20);

    /// <summary>The operator's network now places the SIM in Lisbon: CAMARA answers FALSE for the circle around the fix.</summary>
    public static DemoPhase NetworkDenies { get; } = new(rig =>
        {
            Network(rig).SetDeviceLocation(RigOptions.PhoneNumber, RigCellTowers.LisbonLatitude, RigCellTowers.LisbonLongitude, accuracyMeters: 300);
            return $"network: the operator now locates {RigOptions.PhoneNumber} in Lisbon (CAMARA answers FALSE for Madrid)";
        },
        "a contraindicated verdict (network-denies) with location grade F",
        (_, r) => IsContradicted(r, "network-denies"), (_, r) => IsContradicted(r, "network-denies"), 20);

    /// <summary>The host's group policy now demands France: still located in Spain (ES, ES-MD), so outside.</summary>
    public static DemoPhase CountryPolicyElsewhere { get; } = new(rig =>
        {
            rig.Bridge.PutGroupPolicyAsync(RigOptions.JurisdictionGroup, rig.Options.HostId, RigOptions.JurisdictionPolicyId,
                FrancePolicy).GetAwaiter().GetResult();
            return $"policy: group {RigOptions.JurisdictionGroup}'s policy '{RigOptions.JurisdictionPolicyId}' now admits France (FR) only";
        },
        "a contraindicated verdict outside the country policy, the result still stating ES / ES-MD",
        (_, r) => IsOutsideFranceInMadrid(r), (_, r) => IsOutsideFranceInMadrid(r), 20);

    private const string FrancePolicy = """{"type":"jurisdiction","country":"FR","disclosure":"precise"}""";

    private static bool IsOutsideFranceInMadrid(ResultMessage r) =>
        r.EarStatus == "contraindicated" && r.Geofence == "outside" && SignedJurisdiction.Of(r.Ear) == ("ES", "ES-MD");

    private static bool IsContradicted(ResultMessage r, string code) => r.EarStatus == "contraindicated" && r.LocationGrade == "F" && r.Has(code);

    private static Camara.CamaraServer Network(GeoEdgeRig rig) =>
        rig.Camara ?? throw new RigException("this phase needs the operator's CAMARA server (a rig with a modem)");

    private static bool IsSwapped(ResultMessage r) => r.EarStatus == "contraindicated" && r.Has("composition-changed")
        && r.Reasons.Any(reason => reason.Contains($"ICCID {SimulatedSim.Example.Iccid} -> {SwappedSim.Iccid}", StringComparison.Ordinal));

    private static bool IsSimRemoved(ResultMessage r) => r.EarStatus == "contraindicated" && r.Has("sim-removed");

    private static ModemSimulator Modem(GeoEdgeRig rig) =>
        rig.Modem ?? throw new RigException("this phase needs the simulated modem (RigOptions.Modem)");

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GeoEdgeRig, StrongBox<int>> TamperedEvents = new();

    private static int TamperedEvent(GeoEdgeRig rig) =>
        TamperedEvents.TryGetValue(rig, out var index) ? index.Value : throw new RigException("the boot log was not tampered with");

    private static string TamperBootLog(GeoEdgeRig rig)
    {
        var index = rig.Measured.TamperBootLog();
        TamperedEvents.AddOrUpdate(rig, new StrongBox<int>(index));
        return $"host: the boot log the agent reads now shows another SHA-256 digest for event {index} (EV_EFI_BOOT_SERVICES_APPLICATION, PCR 4) than the firmware measured";
    }

    private static string RunUnapprovedBinary(GeoEdgeRig rig)
    {
        var index = rig.Measured.RunUnapprovedBinary(UnapprovedBinaryPath, "#!/bin/sh\n# a cryptominer the policy does not know\n"u8.ToArray());
        return $"host: {UnapprovedBinaryPath} ran and IMA measured it (entry {index}, extended into PCR 10)";
    }

    private static string ForgeEveryThirdUsedSatellite(GeoEdgeRig rig)
    {
        var ubx = Receiver(rig);
        var used = ubx.Settings.GalileoUsed.Order().ToArray();
        var forged = used.Where((_, i) => i % 3 == 1).ToArray();
        ubx.SetSpoofedSvids(forged);
        return $"simulator: forging the ephemeris of {string.Join(", ", forged.Select(GnssVerdicts.Galileo))} "
               + $"({forged.Length} of the {used.Length} Galileo satellites in use): orbit bits changed, CRCs recomputed, OSNMA tags left as broadcast";
    }

    private static string RaiseReceiverSpoofingFlag(GeoEdgeRig rig)
    {
        Receiver(rig).SetSpoofingState(2);
        return "simulator: the receiver's own spoofing detector now reports 'indicated' (UBX-SEC-SIG spoofingState 2); the forged satellites stay in use";
    }

    private static UbxGnssSimulator Receiver(GeoEdgeRig rig) =>
        rig.Sky.Ubx ?? throw new RigException("this phase needs the simulated u-blox receiver (a rig with an OSNMA scenario)");

    private static IReadOnlySet<string> Forged(GeoEdgeRig rig) =>
        Receiver(rig).Settings.SpoofedSvids.Select(GnssVerdicts.Galileo).ToHashSet();

    private static bool IsOutside(ResultMessage r) => r.EarStatus == "contraindicated" && r.Geofence == "outside" && r.Has("outside-fence");

    private static bool IsRefusedCopy(ResultMessage r) => r.EarStatus == "contraindicated" && r.Has("qualifying-data-mismatch");

    private static bool IsSpoofingContraindicated(ResultMessage r) => r.EarStatus == "contraindicated" && r.Has(GnssVerdicts.SpoofingIndicated);
}
