using GeoEdge.Cli.Bench;
using GeoEdge.Cli.Demo;
using GeoEdge.Cli.Osnma;
using GeoEdge.Hil.Rig.Processes;

// geoedge-cli: the commands behind ./geoedge other than build and test.
const string usage = """
    usage: geoedge-cli COMMAND [ARGS...]

      demo [--scenario NAME] [--readings N]   the whole system on the embedded rig (demo --help)
      bench [agent|bridge|osnma|all] [OPTIONS] benchmarks, one JSON line of figures each (bench --help)
      osnma INPUT --merkle TREE.xml [...]     verify the Galileo OSNMA of a recording (osnma --help)
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
        "bench" when args.Contains("--help") => Help(BenchCommand.Usage),
        "bench" => await BenchCommand.RunAsync(args[1..]),
        "osnma" when args.Contains("--help") => Help(OsnmaCommand.Usage),
        "osnma" => OsnmaCommand.Run(args[1..]),
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
