using static GeoEdge.Wire.Readings.ReadingFieldError;

namespace GeoEdge.Wire.Readings;

/// <summary>
/// Checks a decoded <see cref="ModemReport"/>: identities are digit strings of their standard lengths,
/// names are known, numbers are in range. A report that fails is a malformed reading, never a
/// composition change the bridge would have to interpret.
/// </summary>
public static class ModemReportValidation
{
    public static void Validate(ModemReport modem)
    {
        Digits(modem.Imei, "modem.imei", 15, 15);
        Digits(modem.Imsi, "modem.imsi", 6, 15);
        Digits(modem.Iccid, "modem.iccid", 18, 20);
        Digits(modem.Operator, "modem.operator", 5, 6);
        if (!SimStates.IsKnown(modem.Sim)) throw Invalid("modem.sim", $"'{Shorten(modem.Sim)}' is not a SIM state");
        if (modem.Cell is { } cell) ValidateCell(cell);
    }

    private static void ValidateCell(CellReport cell)
    {
        if (!CellRadios.IsKnown(cell.Radio)) throw Invalid("modem.cell.radio", $"'{Shorten(cell.Radio)}' is not one of gsm, umts, lte, lte-m, nr");
        if (cell.Mcc is < 200 or > 999) throw Invalid("modem.cell.mcc", $"{cell.Mcc} is outside 200-999");
        if (cell.Mnc is < 0 or > 999) throw Invalid("modem.cell.mnc", $"{cell.Mnc} is outside 0-999");
        if (cell.Area is < 0 or > 0xFFFFFF) throw Invalid("modem.cell.area", $"{cell.Area} is outside 0-16777215");
        // NR cell identities are 36 bits; every other radio's fit in that.
        if (cell.CellId is < 0 or > 0xF_FFFF_FFFFL) throw Invalid("modem.cell.cellId", $"{cell.CellId} is outside 0-{0xF_FFFF_FFFFL}");
        if (cell.Pci is < 0 or > 1007) throw Invalid("modem.cell.pci", $"{cell.Pci} is outside 0-1007");
        if (cell.Earfcn is < 0 or > 3_279_165) throw Invalid("modem.cell.earfcn", $"{cell.Earfcn} is outside 0-3279165");
        if (cell.Rsrp is < -160 or > -20) throw Invalid("modem.cell.rsrp", $"{cell.Rsrp} dBm is outside -160 to -20");
    }

    private static void Digits(string? value, string path, int min, int max)
    {
        if (value is null) return;
        if (value.Length < min || value.Length > max || !value.All(char.IsAsciiDigit))
            throw Invalid(path, $"'{Shorten(value)}' is not {(min == max ? $"{min}" : $"{min}-{max}")} digits");
    }
}
