using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma.Engine;
using Xunit.Abstractions;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>Internal collections stay bounded however long the receiver runs.</summary>
public sealed class MemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Three_hours_of_pages_do_not_grow_the_internal_collections()
    {
        var step1 = OsnmaScenario.Named("eoc_step1");
        var step2 = OsnmaScenario.Named("eoc_step2");
        var receiver = step1.Receiver(step1.Anchors());
        var firstHour = Feed(receiver, step1.Pages);
        var secondHour = Feed(receiver, step2.Pages);
        // The first hour again, a day later: nothing verifies (keys do not fit the shifted GST), memory must still not grow.
        var shifted = Feed(receiver, step1.Pages.Select(p => p with { Start = p.Start.AddSeconds(86_400) }));
        output.WriteLine($"max sizes hour 1: {firstHour}\nhour 2: {secondHour}\nshifted replay: {shifted}\n{receiver.Counters}");

        Assert.True(receiver.Counters.TagsAuthenticated > 20_000);
        foreach (var later in new[] { secondHour, shifted })
        {
            Assert.True(later.Satellites <= 36);
            Assert.True(later.StoredSubframes <= firstHour.StoredSubframes);
            Assert.True(later.PartialDsms <= 16);
            Assert.True(later.PublicKeys <= firstHour.PublicKeys);
            Assert.True(later.Chains <= 4);
            Assert.True(later.CachedTeslaKeys <= 4 * 16);
            Assert.True(later.AccumulatorEntries <= 36 * 2 * AuthenticationAccumulator.MaxEntries);
            Assert.True(later.RememberedKroots <= 16);
        }
        Assert.True(firstHour.StoredSubframes <= 36 * SatelliteState.RingSize);
    }

    private static OsnmaInternalSizes Feed(OsnmaReceiver receiver, IEnumerable<GalileoPage> pages)
    {
        var max = new OsnmaInternalSizes(0, 0, 0, 0, 0, 0, 0, 0);
        var n = 0;
        foreach (var page in pages)
        {
            receiver.Process(page);
            if (++n % 260 != 0) continue;
            var s = receiver.InternalSizes;
            max = new OsnmaInternalSizes(Math.Max(max.Satellites, s.Satellites), Math.Max(max.StoredSubframes, s.StoredSubframes),
                Math.Max(max.PartialDsms, s.PartialDsms), Math.Max(max.PublicKeys, s.PublicKeys), Math.Max(max.Chains, s.Chains),
                Math.Max(max.CachedTeslaKeys, s.CachedTeslaKeys), Math.Max(max.AccumulatorEntries, s.AccumulatorEntries),
                Math.Max(max.RememberedKroots, s.RememberedKroots));
        }
        return max;
    }
}
