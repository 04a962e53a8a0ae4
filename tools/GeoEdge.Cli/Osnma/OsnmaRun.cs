using System.Diagnostics;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma;

namespace GeoEdge.Cli.Osnma;

/// <summary>
/// One pass of a recording through the verifier. Trusted time is the recording's own page time
/// (<see cref="ReplayTrustedClock"/>): an archive proves nothing about the live sky, only whether its
/// cryptography holds, which is what this tool is for. Processing is wall-clock time; ProcessingCpu is the CPU
/// time the whole process used meanwhile (JIT and GC threads included), which a busy shared machine disturbs less.
/// </summary>
public sealed record OsnmaRun(OsnmaCounters Counters, OsnmaStatusSnapshot Status, int SatellitesAuthenticated, TimeSpan Processing,
    TimeSpan ProcessingCpu, IReadOnlyDictionary<string, int> Events)
{
    public static OsnmaRun Execute(IReadOnlyList<GalileoPage> pages, OsnmaTrustAnchors anchors, Action<OsnmaEvent>? onEvent)
    {
        var events = new Dictionary<string, int>(StringComparer.Ordinal);
        var receiver = new OsnmaReceiver(anchors, new OsnmaOptions(), new ReplayTrustedClock(), store: null, e =>
        {
            events[e.Kind] = events.GetValueOrDefault(e.Kind) + 1;
            onEvent?.Invoke(e);
        });
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var page in pages) receiver.Process(page);
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var authenticated = receiver.Satellites.Count(s => s.NavDataAuthenticatedAt is not null);
        return new OsnmaRun(receiver.Counters, receiver.Status, authenticated, clock.Elapsed, cpu, events);
    }
}
