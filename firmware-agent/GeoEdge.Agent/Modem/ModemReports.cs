using GeoEdge.Drivers.Modem;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Modem;

/// <summary>
/// Turns what the modem said into the reading's modem report. Values the wire contract would refuse
/// (a vendor's "not available" sentinels, out-of-range levels) are left out rather than sent: a
/// reading must never become malformed because a modem printed something odd.
/// </summary>
public static class ModemReports
{
    public static ModemReport From(ModemSnapshot s) => new()
    {
        Imei = s.Imei,
        Imsi = s.Imsi,
        Iccid = s.Iccid,
        Sim = Sim(s.Sim),
        SimDetect = s.SimDetectLine,
        Operator = s.Operator?.Numeric is { Length: 5 or 6 } numeric && numeric.All(char.IsAsciiDigit) ? numeric : null,
        Cell = s.Cell is { } cell ? Cell(cell) : null,
    };

    private static string Sim(SimState state) => state switch
    {
        SimState.Ready => SimStates.Ready,
        SimState.PinRequired => SimStates.PinRequired,
        SimState.PukRequired => SimStates.PukRequired,
        SimState.NotInserted => SimStates.NotInserted,
        SimState.NotReady => SimStates.NotReady,
        _ => SimStates.Error,
    };

    private static CellReport? Cell(ServingCell c)
    {
        var radio = c.Radio switch
        {
            RadioTechnology.Gsm => CellRadios.Gsm,
            RadioTechnology.Umts => CellRadios.Umts,
            RadioTechnology.Lte => CellRadios.Lte,
            // NB-IoT cells are LTE cells in the cell databases (OpenCellID lists them as LTE).
            RadioTechnology.LteM or RadioTechnology.NbIot => CellRadios.LteM,
            RadioTechnology.Nr => CellRadios.Nr,
            _ => null,
        };
        if (radio is null || c.Mcc is < 200 or > 999 || c.Mnc is < 0 or > 999 || c.CellId is < 0 or > 0xF_FFFF_FFFFL) return null;
        return new CellReport
        {
            Radio = radio,
            Mcc = c.Mcc,
            Mnc = c.Mnc,
            Area = c.AreaCode is >= 0 and <= 0xFFFFFF ? c.AreaCode : null,
            CellId = c.CellId,
            Pci = c.Pci is >= 0 and <= 1007 ? c.Pci : null,
            Earfcn = c.Earfcn is >= 0 and <= 3_279_165 ? c.Earfcn : null,
            Rsrp = c.Rsrp is >= -160 and <= -20 ? c.Rsrp : null,
        };
    }
}
