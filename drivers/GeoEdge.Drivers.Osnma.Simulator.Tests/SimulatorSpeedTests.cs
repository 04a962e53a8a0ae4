using System.Diagnostics;

namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

/// <summary>Runs alone (after the parallel tests): a timing taken while other tests share the cores says nothing.</summary>
[CollectionDefinition(nameof(SimulatorSpeedTests), DisableParallelization = true)]
public sealed class SimulatorSpeedCollection;

[Collection(nameof(SimulatorSpeedTests))]
public sealed class SimulatorSpeedTests
{
    /// <summary>
    /// Measured as CPU time of this process after a warm-up hour (so the JIT has reached optimised code): the build
    /// machine is shared and wall-clock time there depends on everyone else's load. About 0.2 s on an idle core.
    /// </summary>
    [Fact]
    public void One_simulated_hour_of_twelve_satellites_takes_well_under_a_second()
    {
        var scenario = Scenarios.Nominal(TimeSpan.FromHours(1)) with { Satellites = Scenarios.TwelveSatellites };
        using var simulator = new OsnmaBroadcastSimulator(scenario);
        _ = simulator.Pages().Count();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = simulator.Pages().Count();
        clock.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;

        Assert.Equal(12 * 1800, count);
        Assert.True(used < TimeSpan.FromSeconds(1), $"an hour took {used.TotalMilliseconds} ms CPU ({clock.Elapsed.TotalMilliseconds} ms wall)");
    }
}
