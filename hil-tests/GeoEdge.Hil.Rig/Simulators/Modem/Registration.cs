namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// Registration as 27.007 +CEREG (EPS) or +C5GREG (5GS) reports it: &lt;stat&gt; 0 not registered (no SIM, SIM locked,
/// or camped on the other core), 1 home, 2 searching (no cell), 5 roaming (IMSI's PLMN is not the cell's), with the
/// cell's TAC, cell id and AcT while registered. TAC and cell id are zero-padded hex: 2 and 4 bytes for EPS, 3 bytes and
/// 36 bits for 5GS.
/// </summary>
internal readonly record struct Registration(string Prefix, int Stat, SimulatedCell? Cell, bool IsFiveGs)
{
    public const int NotRegistered = 0;
    public const int Home = 1;
    public const int Searching = 2;
    public const int Roaming = 5;

    public bool IsRegistered => Stat is Home or Roaming;

    public static Registration Eps(SimulatedModemState state, bool simReady) => Of("+CEREG", state, simReady, fiveGs: false);

    public static Registration FiveGs(SimulatedModemState state, bool simReady) => Of("+C5GREG", state, simReady, fiveGs: true);

    private static Registration Of(string prefix, SimulatedModemState state, bool simReady, bool fiveGs)
    {
        if (state.Sim is null || !simReady) return new(prefix, NotRegistered, null, fiveGs);
        if (state.Cell is not { } cell) return new(prefix, Searching, null, fiveGs);
        if ((cell.Tech == RadioTech.Nr5gSa) != fiveGs) return new(prefix, NotRegistered, null, fiveGs);
        return new(prefix, state.Sim.Imsi.StartsWith(cell.Plmn, StringComparison.Ordinal) ? Home : Roaming, cell, fiveGs);
    }

    /// <summary>The 27.007 &lt;AcT&gt; of a cell (as AT+COPS? prints it too).</summary>
    public static int AccessTechnology(RadioTech tech) => tech switch
    {
        RadioTech.Lte => 7,
        RadioTech.Emtc => 8,
        RadioTech.Nr5gSa => 11,
        RadioTech.Nr5gNsa => 13,
        _ => throw new ArgumentOutOfRangeException(nameof(tech), tech, "no such radio technology"),
    };

    /// <summary>The read command's answer: "+CEREG: 2,1,"1A2B","01A2B3C4",7".</summary>
    public string ReadLine(int mode) => $"{Prefix}: {mode},{Body(mode)}";

    /// <summary>The unsolicited report: "+CEREG: 1,"1A2B","01A2B3C4",7" (mode 2) or "+CEREG: 1" (mode 1).</summary>
    public string UrcLine(int mode) => $"{Prefix}: {Body(mode)}";

    /// <summary>Whether a host in <paramref name="mode"/> is told about the change from <paramref name="before"/> to this.</summary>
    public bool IsReportableChangeFrom(Registration before, int mode) => mode switch
    {
        1 => Stat != before.Stat,
        2 => Stat != before.Stat || Body(2) != before.Body(2),
        _ => false,
    };

    private string Body(int mode)
    {
        if (mode < 2 || !IsRegistered || Cell is not { } cell) return Stat.ToString();
        var tac = IsFiveGs ? cell.Tac.ToString("X6") : cell.Tac.ToString("X4");
        var ci = IsFiveGs ? cell.CellId.ToString("X9") : cell.CellId.ToString("X8");
        return $"{Stat},\"{tac}\",\"{ci}\",{AccessTechnology(cell.Tech)}";
    }
}
