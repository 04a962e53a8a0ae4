namespace GeoEdge.Geolocation;

/// <summary>
/// What the modem said about its serving cell: <paramref name="Reported"/> is false when it reported no
/// cell at all (no coverage, modem off); <paramref name="Record"/> is the cell found in the database for
/// the reported identity, or null when the database does not know it.
/// </summary>
public sealed record CellObservation(bool Reported, CellRecord? Record)
{
    public static CellObservation NotReported { get; } = new(false, null);

    public static CellObservation Unknown { get; } = new(true, null);

    public static CellObservation Found(CellRecord record) => new(true, record ?? throw new ArgumentNullException(nameof(record)));
}
