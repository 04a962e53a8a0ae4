namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// One module model: what ATI/AT+CGMI/AT+CGMM/AT+CGMR say, which vendor commands it answers and which radio
/// technologies its cells may use. <see cref="ModemSimulator.SetCell"/> refuses a cell the module cannot camp on.
/// </summary>
public sealed record ModemProfile(string Name, ModemVendor Vendor, string Manufacturer, string Model, string Revision, IReadOnlyList<RadioTech> Techs)
{
    /// <summary>Quectel EC25 (LTE Cat-4).</summary>
    public static ModemProfile QuectelEc25 { get; } = new("Quectel EC25", ModemVendor.Quectel, "Quectel", "EC25", "EC25EFAR06A06M4G", [RadioTech.Lte]);

    /// <summary>Quectel BG96 (LTE Cat-M1).</summary>
    public static ModemProfile QuectelBg96 { get; } = new("Quectel BG96", ModemVendor.Quectel, "Quectel", "BG96", "BG96MAR02A07M1G", [RadioTech.Emtc]);

    /// <summary>Quectel RM500Q on a 5G NSA network (EN-DC with an LTE anchor), or on LTE alone.</summary>
    public static ModemProfile QuectelRm500qNsa { get; } = new("Quectel RM500Q (NSA)", ModemVendor.Quectel, "Quectel", "RM500Q-GL", "RM500QGLABR11A06M4G", [RadioTech.Nr5gNsa, RadioTech.Lte]);

    /// <summary>Quectel RM500Q on a 5G SA network, or on LTE alone.</summary>
    public static ModemProfile QuectelRm500qSa { get; } = new("Quectel RM500Q (SA)", ModemVendor.Quectel, "Quectel", "RM500Q-GL", "RM500QGLABR11A06M4G", [RadioTech.Nr5gSa, RadioTech.Lte]);

    /// <summary>SIMCom SIM7600E-H (LTE Cat-4).</summary>
    public static ModemProfile SimcomSim7600 { get; } = new("SIMCom SIM7600E-H", ModemVendor.Simcom, "SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", "LE20B04SIM7600M22", [RadioTech.Lte]);

    public static IReadOnlyList<ModemProfile> All { get; } = [QuectelEc25, QuectelBg96, QuectelRm500qNsa, QuectelRm500qSa, SimcomSim7600];

    /// <summary>The technology of the cell it camps on by default (<see cref="SimulatedCell.ExampleFor"/>).</summary>
    public RadioTech DefaultTech => Techs[0];

    /// <summary>5G modules report 5GS registration with AT+C5GREG.</summary>
    public bool Has5g => Techs.Contains(RadioTech.Nr5gNsa) || Techs.Contains(RadioTech.Nr5gSa);

    public override string ToString() => Name;
}
