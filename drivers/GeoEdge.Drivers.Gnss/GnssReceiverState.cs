using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss;

/// <summary>
/// The latest of each UBX status message a u-blox receiver sent (null: not received since start).
/// An immutable snapshot: later messages never change it.
/// </summary>
public sealed record GnssReceiverState(
    UbxNavPvt? Pvt,
    UbxNavSat? Satellites,
    UbxNavStatus? NavStatus,
    UbxSecSig? Security,
    UbxMonHw? Hardware,
    UbxNavTimeGal? GalileoTime)
{
    public static GnssReceiverState Empty { get; } = new(null, null, null, null, null, null);

    /// <summary>The satellites NAV-SAT marks as used in the navigation solution.</summary>
    public IReadOnlyList<UbxNavSatSatellite> SatellitesUsed => Satellites?.Used.ToArray() ?? [];

    /// <summary>SVIDs of the Galileo satellites used in the solution, ascending.</summary>
    public IReadOnlyList<int> GalileoSvidsUsed =>
        SatellitesUsed.Where(s => s.GnssId == UbxGnssId.Galileo).Select(s => (int)s.SvId).Order().ToArray();
}
