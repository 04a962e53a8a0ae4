using System.Globalization;
using System.Text.Json;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Cli.Demo;

/// <summary>
/// `geoedge demo`: the whole system on the embedded rig. Progress goes to stderr; stdout gets one
/// JSON line per verdict, so the output can be piped into jq or a test.
/// </summary>
public static class DemoCommand
{
    public const string Usage = """
        usage: ./geoedge demo [--scenario NAME] [--readings N] [--interval SECONDS]

          --scenario NAME     one of the scenarios below (default nominal)
          --readings N        verdicts to show in each phase of the scenario once its expected verdict
                              has come; the phase goes on until its last verdict is that kind again (default 5)
          --interval SECONDS  seconds between agent readings (default 1)

        Each verdict is one JSON line on stdout, from the agent's first reading on (the rig's GNSS is a
        replayed Galileo OSNMA sky: the first verdicts are warnings until OSNMA has authenticated the fix):
          {"hostId":..,"seq":..,"lat":..,"lon":..,"uncertaintyM":..,"policy":..,"result":"inside|outside|indeterminate",
           "country":"ES","subdivision":"ES-MD","grade":"A|B|C|D|F","ear_status":"affirming|warning|contraindicated","reasons":[..]}
        "country" and "subdivision" are the signed result's grc.jurisdiction-country and grc.jurisdiction-state
        (null when the policy's disclosure withholds them or the location's disc is not wholly inside one).
        "grade" is the Geolocation service's grade of the composite location (docs/bridge.md): A when the
        authenticated fix, the modem's serving cell and the operator's network agree.
        Progress (what the simulator and the attackers do, which verdict each phase waits for) and the
        processes' logs on failure go to stderr. GEOEDGE_KEEP_RIG=1 keeps the rig directory.
        Exit status: 0 when every phase of the scenario showed its expected verdicts, 1 otherwise.

        scenarios:
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var scenarioName = "nominal";
        var readings = 5;
        var interval = 1;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--scenario": scenarioName = Value(); break;
                case "--readings": readings = PositiveInt("--readings", Value()); break;
                case "--interval": interval = PositiveInt("--interval", Value()); break;
                case "--help" or "-h": PrintUsage(Console.Out); return 0;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }
        var scenario = DemoScenario.Find(scenarioName);
        if (scenario is null)
        {
            Console.Error.WriteLine($"geoedge demo: unknown scenario '{scenarioName}'");
            PrintUsage(Console.Error);
            return 2;
        }

        Console.Error.WriteLine($"demo: scenario {scenario.Name}: {scenario.Description}");
        await using var rig = await GeoEdgeRig.StartAsync(scenario.Options with { IntervalSeconds = interval }, m => Console.Error.WriteLine($"demo: {m}"));
        await using var forger = scenario.ForgeReadings ? await ReadingForger.StartAsync(rig.Broker.PlainPort, rig.Options.HostId) : null;
        rig.StartAgent();
        DemoOutcome outcome;
        try
        {
            outcome = await DemoRun.RunAsync(rig, scenario.Phases, readings, TimeSpan.FromSeconds(60 + interval),
                result => Console.WriteLine(Line(result)), m => Console.Error.WriteLine($"demo: {m}"));
        }
        catch (RigException e)
        {
            Console.Error.WriteLine($"demo: {e.Message}\n{rig.Diagnostics()}");
            return 1;
        }
        if (!outcome.Succeeded)
        {
            Console.Error.WriteLine($"demo: FAILED: {outcome.Summary}\n{rig.Diagnostics()}");
            return 1;
        }
        Console.Error.WriteLine($"demo: {outcome.Summary}; stopping the rig");
        return 0;
    }

    private static string Line(ResultMessage r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("hostId", r.HostId);
            w.WriteNumber("seq", r.Seq);
            if (r.Latitude is { } lat) w.WriteNumber("lat", lat); else w.WriteNull("lat");
            if (r.Longitude is { } lon) w.WriteNumber("lon", lon); else w.WriteNull("lon");
            if (r.UncertaintyMeters is { } u) w.WriteNumber("uncertaintyM", Math.Round(u, 1)); else w.WriteNull("uncertaintyM");
            w.WriteString("policy", r.PolicyId);
            w.WriteString("result", r.Geofence);
            var (country, subdivision) = SignedJurisdiction.Of(r.Ear);
            w.WriteString("country", country);
            w.WriteString("subdivision", subdivision);
            w.WriteString("grade", r.LocationGrade);
            w.WriteString("ear_status", r.EarStatus);
            w.WriteStartArray("reasons");
            foreach (var reason in r.Reasons) w.WriteStringValue(reason);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void PrintUsage(TextWriter to)
    {
        to.WriteLine(Usage);
        foreach (var s in DemoScenario.All) to.WriteLine($"  {s.Name,-16} {s.Description}");
    }

    private static int PositiveInt(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : throw new ArgumentException($"{option} must be a positive whole number, got '{text}'");
}
