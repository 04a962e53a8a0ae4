namespace GeoEdge.Geolocation;

/// <summary>
/// Everything GL knows about one reading. Any source may be missing (null). <paramref name="Time"/> is
/// the reading's time, used for the speed check when there is no GNSS fix (whose own time wins).
/// <paramref name="Stationary"/> is the anchor of a host declared stationary, null for one allowed to move.
/// </summary>
public sealed record FusionInput(
    GnssObservation? Gnss,
    CellObservation? Cell,
    NetworkObservation? Network,
    PreviousLocation? Previous,
    FusionOptions Options,
    DateTimeOffset? Time = null,
    StationaryAnchor? Stationary = null);
