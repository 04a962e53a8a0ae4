namespace GeoEdge.Geolocation;

/// <summary>
/// One cell of an OpenCellID/MLS-format database: its identity (radio, MCC, MNC, LAC/TAC/NID as
/// <paramref name="Area"/>, CI/ECI/NCI/BID as <paramref name="Cell"/>) and the estimated position of
/// the cell with the spread of the measurements behind it (<paramref name="RangeMeters"/>).
/// The position is an average of where phones saw the cell, not the antenna's location.
/// </summary>
public sealed record CellRecord(
    RadioType Radio,
    int Mcc,
    int Mnc,
    long Area,
    long Cell,
    double Latitude,
    double Longitude,
    int RangeMeters,
    int Samples,
    DateTimeOffset? Updated);
