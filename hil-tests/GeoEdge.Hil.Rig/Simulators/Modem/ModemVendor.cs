namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>Whose AT dialect a simulated module speaks: the vendor commands each answers differ.</summary>
public enum ModemVendor
{
    /// <summary>AT+QCCID, AT+QENG="servingcell", AT+QSIMSTAT.</summary>
    Quectel,

    /// <summary>AT+CICCID, AT+CCID, AT+CPSI?.</summary>
    Simcom,
}
