using System.Globalization;
using System.Text;
using GeoEdge.Geolocation;
using GeoEdge.Hil.Rig.Simulators.Modem;

namespace GeoEdge.Hil.Rig.Composition;

/// <summary>
/// The rig's cell database, in OpenCellID's CSV format: the simulated modem's serving cell where the host is
/// (about 800 m north-east of it, as an OpenCellID estimate would be), and a Portuguese cell in Lisbon that the
/// gnss-cell-mismatch scenario moves the modem to while the GNSS fix stays in Madrid.
/// </summary>
public static class RigCellTowers
{
    public const double LisbonLatitude = 38.722252, LisbonLongitude = -9.139337;

    /// <summary>A MEO (268-06) LTE cell in central Lisbon.</summary>
    public static SimulatedCell Lisbon { get; } = SimulatedCell.ExampleLte with
    {
        Mcc = 268, Mnc = 6, Tac = 7001, CellId = 0x5F5E1A3, Pci = 211, Earfcn = 1275, OperatorName = "MEO", OperatorShortName = "MEO",
    };

    /// <summary>OpenCellID's export header.</summary>
    public const string Header = "radio,mcc,net,area,cell,unit,lon,lat,range,samples,changeable,created,updated,averageSignal";

    /// <summary>The CSV the rig imports: the host's serving cell near it, and the Lisbon cell.</summary>
    public static string Csv(RigOptions options, SimulatedCell home)
    {
        const double offsetDegrees = 0.005; // ~560 m north and ~420 m east at Madrid's latitude
        var csv = new StringBuilder(Header).Append('\n');
        Line(csv, home, options.Latitude + offsetDegrees, options.Longitude + offsetDegrees, range: 1500);
        Line(csv, Lisbon, LisbonLatitude, LisbonLongitude, range: 1200);
        return csv.ToString();
    }

    /// <summary>Imports the rig's cells into the bridge's database file (where the bridge keeps them by default).</summary>
    public static ImportResult ImportInto(string databasePath, RigOptions options, SimulatedCell home)
    {
        using var cells = new CellDatabase(databasePath);
        return cells.Import(new MemoryStream(Encoding.ASCII.GetBytes(Csv(options, home))));
    }

    private static void Line(StringBuilder csv, SimulatedCell cell, double latitude, double longitude, int range) =>
        csv.Append(CultureInfo.InvariantCulture,
            $"{Radio(cell.Tech)},{cell.Mcc},{cell.Mnc},{cell.Tac},{cell.CellId},0,{longitude:0.000000},{latitude:0.000000},{range},25,1,1600000000,1700000000,0\n");

    /// <summary>OpenCellID lists eMTC cells and an NSA host's LTE anchor as LTE; only an SA cell is NR.</summary>
    private static string Radio(RadioTech tech) => tech == RadioTech.Nr5gSa ? "NR" : "LTE";
}
