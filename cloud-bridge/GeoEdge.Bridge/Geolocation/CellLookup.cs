using GeoEdge.Geolocation;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Geolocation;

/// <summary>Finds the modem's serving cell in the cell database, under the key OpenCellID files it by.</summary>
public static class CellLookup
{
    /// <summary>
    /// <see cref="CellObservation.NotReported"/> without a serving cell; <see cref="CellObservation.Unknown"/>
    /// when the database does not know it, or the report lacks the area code that is part of the key.
    /// </summary>
    public static CellObservation Observe(CellDatabase cells, CellReport? cell)
    {
        if (cell is null) return CellObservation.NotReported;
        if (cell.Area is not { } area || RadioOf(cell.Radio) is not { } radio) return CellObservation.Unknown;
        return cells.Lookup(radio, cell.Mcc, cell.Mnc, area, cell.CellId) is { } record ? CellObservation.Found(record) : CellObservation.Unknown;
    }

    /// <summary>OpenCellID lists LTE-M (and NB-IoT) cells as LTE: they are LTE carriers.</summary>
    private static RadioType? RadioOf(string radio) => radio switch
    {
        CellRadios.Gsm => RadioType.Gsm,
        CellRadios.Umts => RadioType.Umts,
        CellRadios.Lte or CellRadios.LteM => RadioType.Lte,
        CellRadios.Nr => RadioType.Nr,
        _ => null,
    };
}
