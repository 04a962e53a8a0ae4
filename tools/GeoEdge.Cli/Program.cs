using GeoEdge.Cli.Bench;
using GeoEdge.Cli.Cells;
using GeoEdge.Cli.Composition;
using GeoEdge.Cli.Demo;
using GeoEdge.Cli.EventLog;
using GeoEdge.Cli.Geofence;
using GeoEdge.Cli.Geolocation;
using GeoEdge.Cli.Ima;
using GeoEdge.Cli.Osnma;
using GeoEdge.Cli.Verify;
using GeoEdge.Cli.Policy;
using GeoEdge.Hil.Rig.Processes;

// geoedge-cli: the commands behind ./geoedge other than build and test.
const string usage = """
    usage: geoedge-cli COMMAND [ARGS...]

      demo [--scenario NAME] [--readings N]   the whole system on the embedded rig (demo --help)
      bench [agent|bridge|osnma|all] [OPTIONS] benchmarks, one JSON line of figures each (bench --help)
      osnma INPUT --merkle TREE.xml [...]     verify the Galileo OSNMA of a recording (osnma --help)
      eventlog FILE [--base64] [--json]       parse and replay a TCG boot event log (eventlog --help)
      ima FILE [--policy POLICY.json] [...]   check an IMA measurement list against a runtime policy (ima --help)
      composition HOST [--bridge URL] [--approve]  show or approve a host's composition (composition --help)
      geolocation HOST [--phone +E164] [--stationary M] ...  show or set a host's geolocation settings (geolocation --help)
      verify EAR.jwt --keys JWKS [--proof PROOF.json] [...]  verify an attestation result offline (verify --help)
      policy list|show|put|delete|versions|assign|unassign|groups|membership|delete-group ...  host and group geofence policies (policy --help)
      cells import FILE | lookup RADIO MCC MNC AREA CELL | count [--database DB]  GL's cell database (cells --help)
      geofence locate LAT LON [--json] [--boundaries DIR]  the country and subdivision at a point (geofence --help)
    """;

if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
{
    Console.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    return args[0] switch
    {
        "demo" => await DemoCommand.RunAsync(args[1..]),
        // The measurement benchmarks run in this process, with their own options.
        "bench" when args.Length > 1 && args[1] == "eventlog" => args.Contains("--help") ? Help(EventLogBench.Usage) : await EventLogBench.RunAsync(args[2..]),
        "bench" when args.Length > 1 && args[1] == "geolocation" => args.Contains("--help") ? Help(GeolocationBench.Usage) : await GeolocationBench.RunAsync(args[2..]),
        "bench" when args.Length > 1 && args[1] == "jurisdictions" => args.Contains("--help") ? Help(JurisdictionsBench.Usage) : await JurisdictionsBench.RunAsync(args[2..]),
        "bench" when args.Length > 1 && args[1] == "timestamping" => args.Contains("--help") ? Help(TimestampingBench.Usage) : await TimestampingBench.RunAsync(args[2..]),
        "bench" when args.Length > 1 && args[1] == "transparency" => args.Contains("--help") ? Help(TransparencyBench.Usage) : await TransparencyBench.RunAsync(args[2..]),
        "bench" when args.Length > 1 && args[1] == "ima" => args.Contains("--help") ? Help(ImaBench.Usage) : await ImaBench.RunAsync(args[2..]),
        "bench" when args.Contains("--help") => Help(BenchCommand.Usage),
        "bench" => await BenchCommand.RunAsync(args[1..]),
        "osnma" when args.Contains("--help") => Help(OsnmaCommand.Usage),
        "osnma" => OsnmaCommand.Run(args[1..]),
        "eventlog" when args.Contains("--help") => Help(EventLogCommand.Usage),
        "eventlog" => EventLogCommand.Run(args[1..]),
        "ima" when args.Contains("--help") => Help(ImaCommand.Usage),
        "ima" => ImaCommand.Run(args[1..]),
        "composition" when args.Contains("--help") => Help(CompositionCommand.Usage),
        "composition" => await CompositionCommand.RunAsync(args[1..]),
        "geolocation" when args.Contains("--help") => Help(GeolocationCommand.Usage),
        "geolocation" => await GeolocationCommand.RunAsync(args[1..]),
        "verify" when args.Contains("--help") => Help(VerifyCommand.Usage),
        "verify" => VerifyCommand.Run(args[1..]),
        "policy" when args.Contains("--help") => Help(PolicyCommand.Usage),
        "policy" => await PolicyCommand.RunAsync(args[1..]),
        "cells" when args.Contains("--help") => Help(CellsCommand.Usage),
        "cells" => CellsCommand.Run(args[1..]),
        "geofence" when args.Contains("--help") => Help(GeofenceCommand.Usage),
        "geofence" => GeofenceCommand.Run(args[1..]),
        _ => Unknown(args[0]),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"geoedge {args[0]}: {e.Message}");
    return 2;
}
catch (RigException e)
{
    Console.Error.WriteLine($"geoedge {args[0]}: the rig failed: {e.Message}");
    return 1;
}

static int Help(string text)
{
    Console.WriteLine(text);
    return 0;
}

static int Unknown(string command)
{
    Console.Error.WriteLine($"geoedge: unknown command '{command}'\n{usage}");
    return 2;
}
