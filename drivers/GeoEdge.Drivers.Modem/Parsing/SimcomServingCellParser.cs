namespace GeoEdge.Drivers.Modem;

/// <summary>
/// SIMCom AT+CPSI? (SIM7500/SIM7600 and SIM8200 AT Command Manuals):
/// <code>
/// +CPSI: LTE|LTE CAT-M1|LTE NB-IOT,&lt;op mode&gt;,&lt;MCC&gt;-&lt;MNC&gt;,&lt;TAC 0x hex&gt;,&lt;SCellID dec&gt;,&lt;PCellID&gt;,EUTRAN-BAND&lt;n&gt;,&lt;earfcn&gt;,&lt;dlbw&gt;,&lt;ulbw&gt;,&lt;RSRQ&gt;,&lt;RSRP&gt;,&lt;RSSI&gt;,&lt;RSSNR&gt;
/// +CPSI: NR5G_SA,&lt;op mode&gt;,&lt;MCC&gt;-&lt;MNC&gt;,&lt;TAC 0x hex&gt;,&lt;SCellID dec&gt;,&lt;PCellID&gt;,NR5G_BAND&lt;n&gt;,&lt;ARFCN&gt;,&lt;RSRP&gt;,&lt;RSRQ&gt;,&lt;SNR&gt;
/// +CPSI: GSM,&lt;op mode&gt;,&lt;MCC&gt;-&lt;MNC&gt;,&lt;LAC 0x hex&gt;,&lt;Cell ID dec&gt;,&lt;ARFCN and band&gt;,&lt;RxLev&gt;,...
/// +CPSI: WCDMA,&lt;op mode&gt;,&lt;MCC&gt;-&lt;MNC&gt;,&lt;LAC 0x hex&gt;,&lt;Cell ID dec&gt;,&lt;band&gt;,&lt;PSC&gt;,&lt;Freq&gt;,...
/// +CPSI: NO SERVICE,&lt;op mode&gt;
/// </code>
/// Note the LTE order RSRQ before RSRP. Firmware prints the LTE RSRQ/RSRP (and the NR RSRP, RSRQ
/// and SNR) in tenths of a dB (e.g. -1126 = -112.6 dBm), some builds in whole dB; an RSRP below
/// -200 identifies tenths, and the line is scaled to whole dB. LTE RSSNR is always whole dB.
/// An EN-DC NR leg line ("+CPSI: NR5G_NSA,...") carries no cell identity and is ignored.
/// </summary>
internal static class SimcomServingCellParser
{
    internal const string Command = "AT+CPSI?";
    private const string Prefix = "+CPSI:";
    private const int TenthsBelow = -200;

    internal static ServingCell? Parse(IReadOnlyList<string> lines)
    {
        AtFields? serving = null;
        foreach (var line in lines.Where(l => l.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)))
        {
            var f = AtFields.Parse(Command, line, Prefix);
            if (f[0].StartsWith("NR5G_NSA", StringComparison.OrdinalIgnoreCase) || f[0].Equals("NR5G", StringComparison.OrdinalIgnoreCase)) continue;
            if (serving is not null) throw f.Error("response", "more than one serving-cell line");
            serving = f;
        }
        if (serving is null) throw new AtParseException(Command, lines.Count > 0 ? lines[0] : null, "response", "no +CPSI line");
        var mode = serving.Text(0, "System Mode").ToUpperInvariant();
        return mode switch
        {
            "NO SERVICE" => null,
            "LTE" => ReadLte(serving, RadioTechnology.Lte),
            "LTE CAT-M1" or "CAT-M1" => ReadLte(serving, RadioTechnology.LteM),
            "LTE NB-IOT" or "NB-IOT" => ReadLte(serving, RadioTechnology.NbIot),
            "NR5G_SA" => ReadNrSa(serving),
            "GSM" => ReadGsm(serving),
            "WCDMA" => ReadWcdma(serving),
            _ => throw serving.Error("System Mode", "not NO SERVICE, LTE, LTE CAT-M1, LTE NB-IOT, NR5G_SA, GSM or WCDMA"),
        };
    }

    private static ServingCell ReadLte(AtFields f, RadioTechnology radio)
    {
        f.RequireCount(14, "LTE serving cell");
        var (mcc, mnc, digits) = ReadPlmn(f);
        var rsrpRaw = f.Int(11, "RSRP", -1600, 0, null);
        var tenths = rsrpRaw < TenthsBelow;
        return new ServingCell(radio, mcc, mnc, digits,
            AreaCode: f.Hex(3, "TAC", 8, CellLimits.MaxAreaCode),
            CellId: f.Decimal(4, "SCellID", 10, CellLimits.MaxLteCellId) ?? throw f.Error("SCellID", "missing"),
            Pci: f.Int(5, "PCellID", 0, CellLimits.MaxLtePci, null),
            Earfcn: f.Int(7, "earfcn", 0, CellLimits.MaxEarfcn, null),
            Rsrp: Signal(f, "RSRP", rsrpRaw, tenths, -200, 0),
            Rsrq: Signal(f, "RSRQ", f.Int(10, "RSRQ", -600, 200, null), tenths, -60, 20),
            Sinr: f.Int(13, "RSSNR", -50, 300, null))
        {
            Band = BandNumber(f, 6, "EUTRAN-BAND"),
        };
    }

    private static ServingCell ReadNrSa(AtFields f)
    {
        f.RequireCount(11, "NR5G_SA serving cell");
        var (mcc, mnc, digits) = ReadPlmn(f);
        var rsrpRaw = f.Int(8, "RSRP", -2000, 0, null);
        var tenths = rsrpRaw < TenthsBelow;
        return new ServingCell(RadioTechnology.Nr, mcc, mnc, digits,
            AreaCode: f.Hex(3, "TAC", 8, CellLimits.MaxAreaCode),
            CellId: f.Decimal(4, "SCellID", 11, CellLimits.MaxNrCellId) ?? throw f.Error("SCellID", "missing"),
            Pci: f.Int(5, "PCellID", 0, CellLimits.MaxNrPci, null),
            Earfcn: f.Int(7, "ARFCN", 0, CellLimits.MaxNrArfcn, null),
            Rsrp: Signal(f, "RSRP", rsrpRaw, tenths, -200, 0),
            Rsrq: Signal(f, "RSRQ", f.Int(9, "RSRQ", -600, 200, null), tenths, -60, 20),
            Sinr: Signal(f, "SNR", f.Int(10, "SNR", -500, 3000, null), tenths, -50, 300))
        {
            Band = BandNumber(f, 6, "NR5G_BAND"),
        };
    }

    private static ServingCell ReadGsm(AtFields f)
    {
        f.RequireCount(6, "GSM serving cell");
        var (mcc, mnc, digits) = ReadPlmn(f);
        // "<ARFCN> <band name>", e.g. "23 EGSM 900"
        var arfcnText = f.Text(5, "Absolute RF Ch Num").Split(' ', 2)[0];
        if (arfcnText.Length is 0 or > 4 || !arfcnText.All(char.IsAsciiDigit)) throw f.Error("Absolute RF Ch Num", "does not start with an ARFCN");
        return new ServingCell(RadioTechnology.Gsm, mcc, mnc, digits,
            AreaCode: f.Hex(3, "LAC", 8, 0xFFFF),
            CellId: f.Decimal(4, "Cell ID", 5, CellLimits.MaxGsmCellId) ?? throw f.Error("Cell ID", "missing"),
            Pci: null, Earfcn: int.Parse(arfcnText, System.Globalization.CultureInfo.InvariantCulture), Rsrp: null, Rsrq: null, Sinr: null);
    }

    private static ServingCell ReadWcdma(AtFields f)
    {
        f.RequireCount(8, "WCDMA serving cell");
        var (mcc, mnc, digits) = ReadPlmn(f);
        return new ServingCell(RadioTechnology.Umts, mcc, mnc, digits,
            AreaCode: f.Hex(3, "LAC", 8, 0xFFFF),
            CellId: f.Decimal(4, "Cell ID", 10, CellLimits.MaxLteCellId) ?? throw f.Error("Cell ID", "missing"),
            Pci: f.Int(6, "PSC", 0, 511, null),
            Earfcn: f.Int(7, "Freq", 0, 16383, null), Rsrp: null, Rsrq: null, Sinr: null);
    }

    private static (int Mcc, int Mnc, int Digits) ReadPlmn(AtFields f)
    {
        var plmn = f.Text(2, "MCC-MNC");
        var dash = plmn.IndexOf('-');
        if (dash < 0) throw f.Error("MCC-MNC", "no '-' between MCC and MNC");
        var mcc = CellLimits.Mcc(f, plmn[..dash]);
        var (mnc, digits) = CellLimits.Mnc(f, plmn[(dash + 1)..]);
        return (mcc, mnc, digits);
    }

    private static int? Signal(AtFields f, string field, int? raw, bool tenths, int min, int max)
    {
        if (raw is not { } value) return null;
        var scaled = tenths ? (int)Math.Round(value / 10.0, MidpointRounding.AwayFromZero) : value;
        if (scaled < min || scaled > max) throw f.Error(field, $"{scaled} is outside {min}..{max}");
        return scaled;
    }

    private static int? BandNumber(AtFields f, int index, string prefix)
    {
        if (f.IsMissing(index)) return null;
        var text = f[index];
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) throw f.Error("Frequency Band", $"does not start with {prefix}");
        var number = text[prefix.Length..];
        if (number.Length is 0 or > 4 || !number.All(char.IsAsciiDigit)) throw f.Error("Frequency Band", "no band number");
        return int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
    }
}
