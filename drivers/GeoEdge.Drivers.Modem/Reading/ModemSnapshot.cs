namespace GeoEdge.Drivers.Modem;

/// <summary>
/// What one read of the modem and SIM found. Every field the modem could not give is null (or
/// <see cref="SimState.Error"/>), with the reason in <see cref="Problems"/> ("AT+CIMI: modem
/// answered +CME ERROR: 10"). <see cref="SimDetectLine"/> is the tray switch, independent of the modem.
/// </summary>
public sealed record ModemSnapshot(
    string? Manufacturer,
    string? Model,
    string? Revision,
    string? Imei,
    string? Imsi,
    string? Iccid,
    SimState Sim,
    bool? SimDetectLine,
    OperatorInfo? Operator,
    Registration? Registration,
    ServingCell? Cell,
    IReadOnlyList<string> Problems)
{
    public ModemVendor Vendor { get; init; }
}
