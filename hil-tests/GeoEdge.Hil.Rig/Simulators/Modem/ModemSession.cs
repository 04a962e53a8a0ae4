namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// The settings the host changes with commands; they reset at power-up (and with ATZ / AT&amp;F), as the
/// modules' volatile settings do. CMEE starts at 1 on the simulated modules: errors are "+CME ERROR: &lt;n&gt;".
/// </summary>
internal sealed class ModemSession
{
    public bool Echo { get; set; } = true;
    public int Cmee { get; set; } = 1;
    public int CeregMode { get; set; }
    public int C5gregMode { get; set; }

    /// <summary>AT+COPS format: 0 long name, 1 short name, 2 numeric.</summary>
    public int CopsFormat { get; set; }

    public bool SimStatusReports { get; set; }

    public void Reset()
    {
        Echo = true;
        Cmee = 1;
        CeregMode = 0;
        C5gregMode = 0;
        CopsFormat = 0;
        SimStatusReports = false;
    }
}
