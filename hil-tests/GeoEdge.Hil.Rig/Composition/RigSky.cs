using System.Globalization;
using System.Text.Json.Nodes;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Simulators;

namespace GeoEdge.Hil.Rig.Composition;

/// <summary>
/// The GNSS sky of a rig: a u-blox receiver replaying one official OSNMA test-vector scenario as UBX (the
/// default: the agent authenticates it with the scenario's own Merkle tree and public key), or a plain NMEA
/// receiver (no OSNMA at all). The replayed sky is from 2023, so the agent's trusted clock is the simulator's:
/// anchored at the scenario time when the simulator starts and running at its speed. Readings say so
/// (time source "simulation"), and the rig's bridge is told to accept that source.
/// </summary>
public sealed class RigSky
{
    private RigSky(string? scenarioFolder, UbxGnssSimulator? ubx, GnssSimulator? nmea, DateTimeOffset anchorUtc)
    {
        ScenarioFolder = scenarioFolder;
        Ubx = ubx;
        Nmea = nmea;
        AnchorUtc = anchorUtc;
    }

    public string? ScenarioFolder { get; }
    public UbxGnssSimulator? Ubx { get; }
    public GnssSimulator? Nmea { get; }
    public DateTimeOffset AnchorUtc { get; }
    public bool Authenticates => Ubx is not null;

    public static async Task<RigSky> StartAsync(RigOptions options, string simulatorPath, Action<string> progress)
    {
        if (options.OsnmaScenario is not { } scenario)
        {
            var nmea = new GnssSimulator(simulatorPath);
            nmea.SetPosition(options.Latitude, options.Longitude, options.AltitudeMeters);
            await nmea.StartAsync();
            return new RigSky(null, null, nmea, DateTimeOffset.UtcNow);
        }
        var folder = Path.Combine(RepoPaths.SharedTestData, "osnma", scenario);
        var csv = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv.gz").SingleOrDefault() : null;
        if (csv is null) throw new RigException($"no OSNMA scenario '{scenario}' (expected one *.csv.gz in {folder})");
        progress($"replaying OSNMA scenario {scenario} as UBX at {options.GnssSpeed}x...");
        var ubx = new UbxGnssSimulator(simulatorPath, OsnmaTestVectorFile.Read(csv),
            new UbxGnssSimulatorOptions { SpeedFactor = options.GnssSpeed, FixTimeFromHostClock = true }, progress);
        ubx.SetPosition(options.Latitude, options.Longitude, options.AltitudeMeters);
        var anchor = DateTimeOffset.UtcNow;
        await ubx.StartAsync();
        return new RigSky(folder, ubx, null, anchor);
    }

    /// <summary>The agent's "gnss" configuration section for this sky.</summary>
    public JsonObject AgentGnssConfig(RigOptions options)
    {
        if (Ubx is null || ScenarioFolder is null) return new JsonObject { ["osnma"] = new JsonObject { ["enabled"] = false } };
        // Slot 0 goes out when the simulator starts; its NAV-TIMEGAL reads the end of that page slot.
        var anchorGst = Ubx.ScenarioStart.AddSeconds(GalileoPageSlot.Seconds);
        return new JsonObject
        {
            ["osnma"] = new JsonObject
            {
                ["merkleTree"] = Path.Combine(ScenarioFolder, "OSNMA_MerkleTree.xml"),
                ["publicKey"] = Directory.GetFiles(ScenarioFolder, "OSNMA_PublicKey*.xml").FirstOrDefault(),
                ["trustedTime"] = "simulation",
                ["maxTimeErrorSeconds"] = 2,
                ["simulationAnchorGst"] = string.Create(CultureInfo.InvariantCulture, $"{anchorGst.WeekNumber}:{anchorGst.TimeOfWeek}"),
                ["simulationAnchorUtc"] = AnchorUtc.ToString("O", CultureInfo.InvariantCulture),
                ["simulationSpeed"] = options.GnssSpeed,
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Ubx is not null) await Ubx.DisposeAsync();
        if (Nmea is not null) await Nmea.DisposeAsync();
    }
}
