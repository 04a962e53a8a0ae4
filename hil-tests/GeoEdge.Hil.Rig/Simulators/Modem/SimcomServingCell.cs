namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// AT+CPSI? as the SIM7500/SIM7600 manual lays it out for LTE: &lt;System Mode&gt;,&lt;Operation Mode&gt;,MCC-MNC,TAC (0x hex),
/// SCellID (decimal), PCellID, "EUTRAN-BAND"n, earfcn, dlbw, ulbw, RSRQ, RSRP, RSSI (all three in tenths of dB/dBm, as the
/// manual's example and real modules print them), RSSNR. No cell: "NO SERVICE,Online".
/// </summary>
internal static class SimcomServingCell
{
    public static string Line(SimulatedCell? cell) => cell is not { } c
        ? "+CPSI: NO SERVICE,Online"
        : $"+CPSI: LTE,Online,{c.Mcc:D3}-{c.MncText},0x{c.Tac:X4},{c.CellId},{c.Pci},EUTRAN-BAND{c.Band},{c.Earfcn}," +
          $"{c.DlBandwidth},{c.UlBandwidth},{c.Rsrq * 10},{c.Rsrp * 10},{c.Rssi * 10},{c.Sinr}";
}
