using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Gnss.Galileo;

/// <summary>
/// Further UBX messages for one page slot (NAV-PVT, NAV-SAT, SEC-SIG, ...), written after the slot's
/// NAV-TIMEGAL and subframes. <paramref name="iTowMs"/> is the receiver epoch of the slot (its end,
/// in GPS milliseconds of week) for the messages' iTOW fields.
/// </summary>
public delegate IEnumerable<UbxFrame> UbxSlotExtras(GalileoPageSlot slot, uint iTowMs);
