using GeoEdge.Agent;
using GeoEdge.Agent.Configuration;

// geoedge-agent: the GeoEdge edge daemon. docs/agent.md documents configuration and operation.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(ConfigLoader.Usage);
    return 0;
}

AgentConfig config;
try
{
    config = ConfigLoader.Load(args);
}
catch (ConfigException e)
{
    Console.Error.WriteLine($"geoedge-agent: {e.Message}");
    Console.Error.WriteLine("run geoedge-agent --help for the options");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });

return await new AgentHost(config).RunAsync(stop.Token);
