namespace GeoEdge.Drivers.Modem;

public enum RadioTechnology
{
    Gsm,
    Umts,
    Lte,
    /// <summary>LTE Cat-M1 (eMTC).</summary>
    LteM,
    /// <summary>LTE Cat-NB (NB-IoT).</summary>
    NbIot,
    Nr,
}

/// <summary>
/// The cell the modem is camped on. <see cref="AreaCode"/> is the TAC (LTE, NR) or LAC (GSM,
/// UMTS); <see cref="CellId"/> the E-UTRAN (28 bit), NR (36 bit), UTRAN (28 bit) or GSM (16 bit)
/// cell identity as a number, whichever base the vendor printed it in. <see cref="Pci"/> is the
/// physical cell id (UMTS: primary scrambling code), <see cref="Earfcn"/> the channel number
/// (EARFCN, NR-ARFCN, UARFCN or ARFCN). <see cref="Rsrp"/> in dBm and <see cref="Rsrq"/> in dB;
/// <see cref="Sinr"/> as the vendor reports it (dB on SIMCom and on Quectel 5G modules; Quectel's
/// LTE manuals document it in 1/5 dB steps on 0..250 for some firmware). SIMCom's tenths of a dB
/// are rounded to whole dB.
/// </summary>
public sealed record ServingCell(
    RadioTechnology Radio,
    int Mcc,
    int Mnc,
    int MncDigits,
    long? AreaCode,
    long CellId,
    int? Pci,
    int? Earfcn,
    int? Rsrp,
    int? Rsrq,
    int? Sinr)
{
    /// <summary>The frequency band number (LTE band 3, NR band n78 as 78), when reported.</summary>
    public int? Band { get; init; }

    /// <summary>The NR secondary cell of an EN-DC (NSA) connection whose anchor is this LTE cell.</summary>
    public NrSecondaryCell? NrSecondary { get; init; }

    /// <summary>"214-01" / "310-260": the PLMN with the MNC at its reported length.</summary>
    public string Plmn => $"{Mcc:D3}-{Mnc.ToString($"D{MncDigits}", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>The NR leg of an EN-DC connection (Quectel "+QENG: \"NR5G-NSA\",..."); it carries no cell identity.</summary>
public sealed record NrSecondaryCell(int? Pci, int? Arfcn, int? Band, int? Rsrp, int? Rsrq, int? Sinr);

/// <summary>Value ranges the serving-cell parsers enforce (36.133, 38.133, 36.101, 38.104).</summary>
internal static class CellLimits
{
    internal const long MaxLteCellId = 0xFFFFFFF;
    internal const long MaxNrCellId = 0xFFFFFFFFFL;
    internal const long MaxGsmCellId = 0xFFFF;
    internal const long MaxAreaCode = 0xFFFFFF;
    internal const int MaxLtePci = 503;
    internal const int MaxNrPci = 1007;
    internal const int MaxEarfcn = 262143;
    internal const int MaxNrArfcn = 3279165;
    internal const int MaxBand = 1024;
    /// <summary>Quectel's "not available" in signal fields.</summary>
    internal const int Invalid = -32768;

    internal static int? Rsrp(AtFields f, int i) => f.Int(i, "RSRP", -200, 0, Invalid);
    internal static int? Rsrq(AtFields f, int i) => f.Int(i, "RSRQ", -60, 20, Invalid);
    internal static int? Sinr(AtFields f, int i) => f.Int(i, "SINR", -50, 300, Invalid);

    /// <summary>MCC: three decimal digits.</summary>
    internal static int Mcc(AtFields f, string text, string field = "MCC")
    {
        if (text.Length != 3 || !text.All(char.IsAsciiDigit)) throw f.Error(field, $"'{AtParseException.Quote(text)}' is not a 3-digit MCC");
        return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>MNC: two or three decimal digits (one is read as two: some firmware drops the leading zero).</summary>
    internal static (int Mnc, int Digits) Mnc(AtFields f, string text, string field = "MNC")
    {
        if (text.Length is < 1 or > 3 || !text.All(char.IsAsciiDigit)) throw f.Error(field, $"'{AtParseException.Quote(text)}' is not a 2- or 3-digit MNC");
        return (int.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Math.Max(2, text.Length));
    }
}
