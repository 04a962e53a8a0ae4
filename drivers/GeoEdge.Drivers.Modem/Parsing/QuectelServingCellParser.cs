namespace GeoEdge.Drivers.Modem;

/// <summary>
/// Quectel AT+QENG="servingcell" (EC2x/EG2x, BG9x, RM5xxQ AT Commands Manuals):
/// <code>
/// +QENG: "servingcell",&lt;state&gt;,"LTE"|"eMTC"|"CAT-M"|"CAT-NB"|"NBIoT",&lt;is_tdd&gt;,&lt;MCC&gt;,&lt;MNC&gt;,&lt;cellID hex&gt;,&lt;PCID&gt;,&lt;earfcn&gt;,&lt;freq_band_ind&gt;,&lt;UL_bw&gt;,&lt;DL_bw&gt;,&lt;TAC hex&gt;,&lt;RSRP&gt;,&lt;RSRQ&gt;,&lt;RSSI&gt;,&lt;SINR&gt;[,&lt;CQI&gt;,&lt;tx_power&gt;],&lt;srxlev&gt;
/// +QENG: "servingcell",&lt;state&gt;,"NR5G-SA",&lt;duplex&gt;,&lt;MCC&gt;,&lt;MNC&gt;,&lt;cellID hex&gt;,&lt;PCID&gt;,&lt;TAC hex&gt;,&lt;ARFCN&gt;,&lt;band&gt;,&lt;NR_DL_bw&gt;,&lt;RSRP&gt;,&lt;RSRQ&gt;,&lt;SINR&gt;,&lt;scs&gt;,&lt;srxlev&gt;
/// +QENG: "servingcell",&lt;state&gt;,"GSM",&lt;MCC&gt;,&lt;MNC&gt;,&lt;LAC hex&gt;,&lt;cellID hex&gt;,&lt;BSIC&gt;,&lt;ARFCN&gt;,&lt;band&gt;,&lt;rxlev&gt;,...
/// +QENG: "servingcell",&lt;state&gt;,"WCDMA",&lt;MCC&gt;,&lt;MNC&gt;,&lt;LAC hex&gt;,&lt;cellID hex&gt;,&lt;uarfcn&gt;,&lt;PSC&gt;,&lt;RAC&gt;,&lt;RSCP&gt;,&lt;ecio&gt;,...
/// EN-DC (NSA), three lines:
/// +QENG: "servingcell",&lt;state&gt;
/// +QENG: "LTE",&lt;is_tdd&gt;,&lt;MCC&gt;,... (as above from is_tdd on)
/// +QENG:"NR5G-NSA",&lt;MCC&gt;,&lt;MNC&gt;,&lt;PCID&gt;,&lt;RSRP&gt;,&lt;SINR&gt;,&lt;RSRQ&gt;,&lt;ARFCN&gt;,&lt;band&gt;,&lt;NR_DL_bw&gt;,&lt;scs&gt;
/// </code>
/// State SEARCH (no cell) and LIMSRV (limited service) give null.
/// </summary>
internal static class QuectelServingCellParser
{
    internal const string Command = "AT+QENG=\"servingcell\"";
    private const string Prefix = "+QENG:";

    internal static ServingCell? Parse(IReadOnlyList<string> lines)
    {
        var rows = lines.Where(l => l.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            .Select(l => AtFields.Parse(Command, l, Prefix)).ToList();
        var head = rows.FirstOrDefault(r => r[0].Equals("servingcell", StringComparison.OrdinalIgnoreCase))
            ?? throw new AtParseException(Command, lines.Count > 0 ? lines[0] : null, "response", "no +QENG: \"servingcell\" line");
        var state = head.Text(1, "state").ToUpperInvariant();
        if (state is "SEARCH" or "LIMSRV") return null;
        if (state is not ("NOCONN" or "CONNECT")) throw head.Error("state", "not SEARCH, LIMSRV, NOCONN or CONNECT");
        if (head.Count > 2) return ParseSingleRat(head);

        // EN-DC: the LTE anchor and the NR leg come on their own lines.
        var lte = rows.FirstOrDefault(r => r[0].Equals("LTE", StringComparison.OrdinalIgnoreCase))
            ?? throw head.Error("response", "NSA form without its +QENG: \"LTE\" line");
        var anchor = ReadLte(lte, 1, RadioTechnology.Lte);
        var nr = rows.FirstOrDefault(r => r[0].Equals("NR5G-NSA", StringComparison.OrdinalIgnoreCase));
        return nr is null ? anchor : anchor with { NrSecondary = ReadNrSecondary(nr) };
    }

    private static ServingCell ParseSingleRat(AtFields f) => f.Text(2, "RAT").ToUpperInvariant() switch
    {
        "LTE" => ReadLte(f, 3, RadioTechnology.Lte),
        "EMTC" or "CAT-M" => ReadLte(f, 3, RadioTechnology.LteM),
        "CAT-NB" or "NBIOT" => ReadLte(f, 3, RadioTechnology.NbIot),
        "NR5G-SA" => ReadNrSa(f),
        "GSM" => ReadGsm(f),
        "WCDMA" => ReadWcdma(f),
        _ => throw f.Error("RAT", "not LTE, eMTC, CAT-M, CAT-NB, NBIoT, NR5G-SA, GSM or WCDMA"),
    };

    /// <summary>The LTE field run that starts at &lt;is_tdd&gt; (index <paramref name="b"/>).</summary>
    private static ServingCell ReadLte(AtFields f, int b, RadioTechnology radio)
    {
        f.RequireCount(b + 14, "LTE serving cell");
        var duplex = f.Text(b, "is_tdd").ToUpperInvariant();
        if (duplex is not ("FDD" or "TDD")) throw f.Error("is_tdd", "not FDD or TDD");
        var mcc = CellLimits.Mcc(f, f.Text(b + 1, "MCC"));
        var (mnc, digits) = CellLimits.Mnc(f, f.Text(b + 2, "MNC"));
        var cell = f.Hex(b + 3, "cellID", 8, CellLimits.MaxLteCellId) ?? throw f.Error("cellID", "missing");
        return new ServingCell(radio, mcc, mnc, digits,
            AreaCode: f.Hex(b + 9, "TAC", 8, CellLimits.MaxAreaCode),
            CellId: cell,
            Pci: f.Int(b + 4, "PCID", 0, CellLimits.MaxLtePci, null),
            Earfcn: f.Int(b + 5, "earfcn", 0, CellLimits.MaxEarfcn, null),
            Rsrp: CellLimits.Rsrp(f, b + 10),
            Rsrq: CellLimits.Rsrq(f, b + 11),
            Sinr: CellLimits.Sinr(f, b + 13))
        {
            Band = f.Int(b + 6, "freq_band_ind", 0, CellLimits.MaxBand, null),
        };
    }

    private static ServingCell ReadNrSa(AtFields f)
    {
        f.RequireCount(15, "NR5G-SA serving cell");
        var mcc = CellLimits.Mcc(f, f.Text(4, "MCC"));
        var (mnc, digits) = CellLimits.Mnc(f, f.Text(5, "MNC"));
        var cell = f.Hex(6, "cellID", 9, CellLimits.MaxNrCellId) ?? throw f.Error("cellID", "missing");
        return new ServingCell(RadioTechnology.Nr, mcc, mnc, digits,
            AreaCode: f.Hex(8, "TAC", 8, CellLimits.MaxAreaCode),
            CellId: cell,
            Pci: f.Int(7, "PCID", 0, CellLimits.MaxNrPci, null),
            Earfcn: f.Int(9, "ARFCN", 0, CellLimits.MaxNrArfcn, null),
            Rsrp: CellLimits.Rsrp(f, 12),
            Rsrq: CellLimits.Rsrq(f, 13),
            Sinr: CellLimits.Sinr(f, 14))
        {
            Band = f.Int(10, "band", 0, CellLimits.MaxBand, null),
        };
    }

    private static NrSecondaryCell ReadNrSecondary(AtFields f)
    {
        // Without an NR leg the modem prints only MCC, MNC and -32768 placeholders.
        return new NrSecondaryCell(
            Pci: f.Int(3, "PCID", 0, CellLimits.MaxNrPci, CellLimits.Invalid),
            Arfcn: f.Int(7, "ARFCN", 0, CellLimits.MaxNrArfcn, CellLimits.Invalid),
            Band: f.Int(8, "band", 0, CellLimits.MaxBand, CellLimits.Invalid),
            Rsrp: CellLimits.Rsrp(f, 4),
            Rsrq: CellLimits.Rsrq(f, 6),
            Sinr: CellLimits.Sinr(f, 5));
    }

    private static ServingCell ReadGsm(AtFields f)
    {
        f.RequireCount(10, "GSM serving cell");
        var mcc = CellLimits.Mcc(f, f.Text(3, "MCC"));
        var (mnc, digits) = CellLimits.Mnc(f, f.Text(4, "MNC"));
        var cell = f.Hex(6, "cellID", 4, CellLimits.MaxGsmCellId) ?? throw f.Error("cellID", "missing");
        return new ServingCell(RadioTechnology.Gsm, mcc, mnc, digits,
            AreaCode: f.Hex(5, "LAC", 4, 0xFFFF), CellId: cell, Pci: null,
            Earfcn: f.Int(8, "ARFCN", 0, 1023, null), Rsrp: null, Rsrq: null, Sinr: null);
    }

    private static ServingCell ReadWcdma(AtFields f)
    {
        f.RequireCount(9, "WCDMA serving cell");
        var mcc = CellLimits.Mcc(f, f.Text(3, "MCC"));
        var (mnc, digits) = CellLimits.Mnc(f, f.Text(4, "MNC"));
        var cell = f.Hex(6, "cellID", 7, CellLimits.MaxLteCellId) ?? throw f.Error("cellID", "missing");
        return new ServingCell(RadioTechnology.Umts, mcc, mnc, digits,
            AreaCode: f.Hex(5, "LAC", 4, 0xFFFF), CellId: cell,
            Pci: f.Int(8, "PSC", 0, 511, null),
            Earfcn: f.Int(7, "uarfcn", 0, 16383, null), Rsrp: null, Rsrq: null, Sinr: null);
    }
}
