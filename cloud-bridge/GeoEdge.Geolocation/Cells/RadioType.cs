namespace GeoEdge.Geolocation;

/// <summary>
/// The radio access technology of a cell, as OpenCellID and MLS name it in their "radio" column.
/// LTE-M and NB-IoT cells are listed as LTE (they are LTE carriers); 5G cells as NR.
/// The numeric values are stored in the cell database: never renumber them.
/// </summary>
public enum RadioType
{
    Gsm = 1,
    Umts = 2,
    Cdma = 3,
    Lte = 4,
    Nr = 5,
}

/// <summary>The CSV spelling of <see cref="RadioType"/>.</summary>
public static class RadioTypeNames
{
    public static string ToCsv(this RadioType radio) => radio switch
    {
        RadioType.Gsm => "GSM",
        RadioType.Umts => "UMTS",
        RadioType.Cdma => "CDMA",
        RadioType.Lte => "LTE",
        RadioType.Nr => "NR",
        _ => throw new ArgumentOutOfRangeException(nameof(radio), radio, "not a radio type"),
    };

    /// <summary>Parses the CSV spelling (case-insensitive, as some exports lower-case it).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out RadioType radio)
    {
        radio = text switch
        {
            _ when text.Equals("GSM", StringComparison.OrdinalIgnoreCase) => RadioType.Gsm,
            _ when text.Equals("UMTS", StringComparison.OrdinalIgnoreCase) => RadioType.Umts,
            _ when text.Equals("CDMA", StringComparison.OrdinalIgnoreCase) => RadioType.Cdma,
            _ when text.Equals("LTE", StringComparison.OrdinalIgnoreCase) => RadioType.Lte,
            _ when text.Equals("NR", StringComparison.OrdinalIgnoreCase) => RadioType.Nr,
            _ => 0,
        };
        return radio != 0;
    }

    /// <summary>
    /// The largest cell identity the radio's standard allows: 16-bit CI (GSM) and BID (CDMA), 28-bit
    /// UTRAN CI (RNC id + cell id) and E-UTRAN ECI, 36-bit NR NCI. A larger number is a corrupt row.
    /// </summary>
    public static long MaxCellId(this RadioType radio) => radio switch
    {
        RadioType.Gsm or RadioType.Cdma => 0xFFFF,
        RadioType.Umts or RadioType.Lte => (1L << 28) - 1,
        RadioType.Nr => (1L << 36) - 1,
        _ => throw new ArgumentOutOfRangeException(nameof(radio), radio, "not a radio type"),
    };
}
