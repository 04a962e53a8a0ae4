using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

public sealed class ProbeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("configuration_1", true)]
    [InlineData("configuration_2", false)]
    [InlineData("eoc_step1", true)]
    [InlineData("eoc_step2", true)]
    [InlineData("crev_step1", true)]
    [InlineData("crev_step2", true)]
    [InlineData("crev_step3", true)]
    [InlineData("npk_step1", true)]
    [InlineData("npk_step2", true)]
    [InlineData("npk_step3", true)]
    public void Probe(string name, bool key)
    {
        var scenario = OsnmaScenario.Named(name);
        var events = new List<OsnmaEvent>();
        var receiver = scenario.Receiver(scenario.Anchors(key), events);
        OsnmaScenario.Feed(receiver, scenario.Pages);
        ScenarioReport.Print(output, name, receiver, events);
        foreach (var e in events.Where(e => e.Kind is not ("StatusChanged" or "NavDataAuthenticated")).Take(15)) output.WriteLine($"{e.At} {e.Kind} {e.Message}");
        Assert.True(receiver.Counters.Pages > 0);
    }
}
