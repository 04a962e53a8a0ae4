namespace GeoEdge.Drivers.Modem;

/// <summary>&lt;AcT&gt; of +COPS, +CREG, +CEREG, +C5GREG (27.007 clause 7.3), with its numeric values.</summary>
public enum AccessTechnology
{
    Gsm = 0,
    GsmCompact = 1,
    Utran = 2,
    GsmEgprs = 3,
    UtranHsdpa = 4,
    UtranHsupa = 5,
    UtranHsdpaHsupa = 6,
    EUtran = 7,
    /// <summary>27.007: EC-GSM-IoT. Quectel BG9x/BG77 report LTE Cat-M1 (eMTC) with this value.</summary>
    EcGsmIot = 8,
    /// <summary>E-UTRAN NB-S1 (NB-IoT).</summary>
    EUtranNbS1 = 9,
    EUtra5Gcn = 10,
    Nr5Gcn = 11,
    NgRan = 12,
    EUtraNrDualConnectivity = 13,
    SatelliteEUtranNbS1 = 14,
    SatelliteEUtranWbS1 = 15,
    SatelliteNgRan = 16,
}

internal static class AccessTechnologies
{
    internal static AccessTechnology? Read(AtFields fields, int index) =>
        fields.Int(index, "AcT", 0, (int)AccessTechnology.SatelliteNgRan, null) is { } act ? (AccessTechnology)act : null;
}
