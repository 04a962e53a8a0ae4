using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

internal static class ScenarioReport
{
    public static void Print(ITestOutputHelper output, string name, OsnmaReceiver receiver, IEnumerable<OsnmaEvent> events)
    {
        var c = receiver.Counters;
        output.WriteLine($"{name}: {c}");
        output.WriteLine($"status: {receiver.Status}");
        foreach (var group in events.GroupBy(e => e.Kind).OrderBy(g => g.Key))
            output.WriteLine($"  {group.Key} x{group.Count()}: first '{group.First().Message}' at {group.First().At}");
    }
}
