namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>The radio access a simulated cell uses; it decides the serving-cell line's layout and the AcT codes.</summary>
public enum RadioTech
{
    /// <summary>LTE (E-UTRAN), AcT 7.</summary>
    Lte,

    /// <summary>LTE Cat-M1 (eMTC), AcT 8 as BG96 reports it.</summary>
    Emtc,

    /// <summary>5G non-standalone: an LTE anchor cell plus an NR secondary cell (EN-DC), AcT 13.</summary>
    Nr5gNsa,

    /// <summary>5G standalone: NR connected to the 5G core, AcT 11; registration is in +C5GREG, not +CEREG.</summary>
    Nr5gSa,
}
