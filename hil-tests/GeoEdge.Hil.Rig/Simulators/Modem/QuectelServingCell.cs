namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// AT+QENG="servingcell" as Quectel's manuals lay it out. LTE/eMTC (EC25, BG96):
/// "servingcell",&lt;state&gt;,"LTE",&lt;is_tdd&gt;,MCC,MNC,cellID(hex),PCID,earfcn,band,UL_bw,DL_bw,TAC(hex),RSRP,RSRQ,RSSI,SINR,srxlev;
/// the 5G modules (RM500Q) add CQI and tx_power before srxlev. NSA is three lines (state; "LTE" anchor; "NR5G-NSA",MCC,MNC,
/// PCID,RSRP,SINR,RSRQ,ARFCN,band,NR_DL_bw,scs). SA: "NR5G-SA",duplex,MCC,MNC,cellID,PCID,TAC,ARFCN,band,NR_DL_bw,RSRP,RSRQ,
/// SINR,scs,srxlev. State is NOCONN when registered, LIMSRV when camped without service (no SIM), SEARCH with no cell.
/// </summary>
internal static class QuectelServingCell
{
    private const string Prefix = "+QENG: ";

    public static string[] Lines(ModemProfile profile, SimulatedCell? cell, bool registered)
    {
        if (cell is null) return [Prefix + "\"servingcell\",\"SEARCH\""];
        var state = registered ? "\"NOCONN\"" : "\"LIMSRV\"";
        var head = $"{Prefix}\"servingcell\",{state}";
        return cell.Tech switch
        {
            RadioTech.Lte => [$"{head},\"LTE\",{LteFields(profile, cell)}"],
            RadioTech.Emtc => [$"{head},\"eMTC\",{LteFields(profile, cell)}"],
            RadioTech.Nr5gSa => [$"{head},\"NR5G-SA\",{SaFields(cell)}"],
            RadioTech.Nr5gNsa => [head, $"{Prefix}\"LTE\",{LteFields(profile, cell)}", $"{Prefix}\"NR5G-NSA\",{NsaFields(cell, cell.Nr!)}"],
            _ => throw new ArgumentOutOfRangeException(nameof(cell), cell.Tech, "no such radio technology"),
        };
    }

    private static string LteFields(ModemProfile profile, SimulatedCell c)
    {
        var quality = profile.Has5g ? $",{c.Cqi},{c.TxPower}" : "";
        return $"{Duplex(c)},{c.Mcc:D3},{c.MncText},{c.CellId:X},{c.Pci},{c.Earfcn},{c.Band},{c.UlBandwidth},{c.DlBandwidth},{c.Tac:X}," +
               $"{c.Rsrp},{c.Rsrq},{c.Rssi},{c.Sinr}{quality},{Srxlev(c)}";
    }

    private static string SaFields(SimulatedCell c) =>
        $"{Duplex(c)},{c.Mcc:D3},{c.MncText},{c.CellId:X},{c.Pci},{c.Tac:X},{c.Earfcn},{c.Band},{c.DlBandwidth},{c.Rsrp},{c.Rsrq},{c.Sinr},{c.Scs},{Srxlev(c)}";

    private static string NsaFields(SimulatedCell c, NrSecondaryCell nr) =>
        $"{c.Mcc:D3},{c.MncText},{nr.Pci},{nr.Rsrp},{nr.Sinr},{nr.Rsrq},{nr.Arfcn},{nr.Band},{nr.DlBandwidth},{nr.Scs}";

    private static string Duplex(SimulatedCell c) => c.Tdd ? "\"TDD\"" : "\"FDD\"";

    private static string Srxlev(SimulatedCell c) => c.Srxlev?.ToString() ?? "-";
}
