using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>A named demo scenario: how the rig is set up, what it does to the system, and the verdicts it must see, phase by phase.</summary>
public sealed record DemoScenario(string Name, string Description, RigOptions Options, bool ForgeReadings, IReadOnlyList<DemoPhase> Phases)
{
    /// <summary>Lyon: about 1,000 km from the Madrid fence.</summary>
    private const double LyonLatitude = 45.764043, LyonLongitude = 4.835659;

    public static IReadOnlyList<DemoScenario> All { get; } =
    [
        new("nominal", "the host is in central Madrid, inside its 5 km fence, its modem on a Madrid cell and the operator's "
                       + "network agreeing: affirming (location grade A) once OSNMA has authenticated the fix",
            new RigOptions(), false, [DemoPhases.Authenticated]),
        new("outside-fence", "the host reports Lyon, far outside its Madrid fence",
            new RigOptions { Latitude = LyonLatitude, Longitude = LyonLongitude }, false, [DemoPhases.Outside]),
        new("forged-reading", "an attacker on the broker republishes each reading with a moved position and the original quote",
            new RigOptions(), true, [DemoPhases.ForgedCopiesRefused]),
        new("gnss-spoof", "OSNMA-authenticated in Madrid, then forged ephemeris on a third of the Galileo satellites "
                          + "(tags fail: warning naming them), then the receiver flags spoofing (contraindicated)",
            new RigOptions(), false, [DemoPhases.Authenticated, DemoPhases.ForgedEphemeris, DemoPhases.ReceiverSeesSpoofing]),
        new("tampered-boot", "a genuine host, then the boot log it serves is altered (one boot application's digest): "
                             + "it no longer replays to the quoted PCRs and the verdict names the event (contraindicated)",
            new RigOptions(), false, [DemoPhases.Authenticated, DemoPhases.TamperedBootLog]),
        new("unapproved-binary", "a genuine host, then a binary outside the IMA runtime policy runs on it: "
                                 + "the verdict names the IMA entry (contraindicated)",
            new RigOptions(), false, [DemoPhases.Authenticated, DemoPhases.UnapprovedBinary]),
        new("sim-swap", "a genuine host with a Quectel EC25 modem, then another SIM in it: contraindicated (composition-changed) "
                        + "naming both ICCIDs until an operator approves it (./geoedge composition HOST --approve)",
            new RigOptions(), false, [DemoPhases.Authenticated, DemoPhases.SimSwapped]),
        new("sim-removed", "a genuine host with a Quectel EC25 modem, then its SIM is pulled: contraindicated (sim-removed) at the next reading",
            new RigOptions(), false, [DemoPhases.Authenticated, DemoPhases.SimRemoved]),
        new("gnss-cell-mismatch", "a genuine host in Madrid, then its modem reports a serving cell in Lisbon while GNSS still says "
                                  + "Madrid: contraindicated (gnss-cell-mismatch, location grade F)",
            new RigOptions(), false, [DemoPhases.Authenticated, DemoPhases.GnssCellMismatch]),
        new("outside-country", "a genuine host in Madrid, stated as Spain / Comunidad de Madrid (ES, ES-MD) in the signed result, then its "
                               + "group's policy demands France: contraindicated, outside, still stating ES / ES-MD",
            new RigOptions(), false, [DemoPhases.Authenticated, DemoPhases.CountryPolicyElsewhere]),
        new("network-denies", "a genuine host in Madrid, then the operator's network (CAMARA) locates its SIM in Lisbon and "
                              + "answers FALSE: contraindicated (network-denies, location grade F)",
            new RigOptions(), false, [DemoPhases.Authenticated, DemoPhases.NetworkDenies]),
    ];

    public static DemoScenario? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
