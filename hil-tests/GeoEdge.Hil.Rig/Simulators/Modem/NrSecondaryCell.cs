namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// The NR leg of an EN-DC (5G NSA) connection, as the "NR5G-NSA" line of AT+QENG="servingcell" reports it.
/// <see cref="DlBandwidth"/> and <see cref="Scs"/> are Quectel's codes (12 = 100 MHz; 0 = 15 kHz, 1 = 30 kHz).
/// </summary>
public sealed record NrSecondaryCell(int Pci, int Arfcn, int Band, int Rsrp, int Sinr, int Rsrq, int DlBandwidth = 12, int Scs = 1)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Pci);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Pci, 1007);
        ArgumentOutOfRangeException.ThrowIfNegative(Arfcn);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Arfcn, 3279165);
        ArgumentOutOfRangeException.ThrowIfLessThan(Band, 1);
    }
}
