using System.Diagnostics;
using GeoEdge.Jurisdictions;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// GeoEdge.Jurisdictions on the real boundaries: load time and memory (managed heap after a full
/// collection, working set), then lookups/s on one thread for point-in-country and for the full
/// country + subdivision answer, over random points on the globe (land and sea) and over points within
/// about a kilometre of a border vertex. One JSON line per stage.
/// </summary>
public static class JurisdictionsBench
{
    public const string Usage = "usage: geoedge-cli bench jurisdictions [--points N] [--boundaries DIR]";

    public static Task<int> RunAsync(string[] args)
    {
        var count = BenchArgs.Option(args, "--points", 1_000_000, Usage);
        var at = Array.IndexOf(args, "--boundaries");
        var directory = at >= 0 && at + 1 < args.Length ? args[at + 1] : JurisdictionAtlas.DefaultDirectory;

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var loading = Stopwatch.StartNew();
        var atlas = JurisdictionAtlas.Load(directory);
        loading.Stop();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "jurisdictions",
            ["stage"] = "load",
            ["countries"] = atlas.CountryCodes.Count,
            ["loadSeconds"] = Math.Round(loading.Elapsed.TotalSeconds, 2),
            ["managedHeapBytes"] = heapAfter - heapBefore,
            ["indexBytes"] = atlas.IndexBytes,
            ["workingSetBytes"] = process.WorkingSet64,
            ["peakWorkingSetBytes"] = process.PeakWorkingSet64,
        }));

        var clean = true;
        var globe = GlobePoints(count, new Random(7));
        var borders = BorderPoints(atlas, count, new Random(8));
        clean &= Measure(atlas, "globe", globe, countryOnly: true);
        clean &= Measure(atlas, "borders", borders, countryOnly: true);
        clean &= Measure(atlas, "globe", globe, countryOnly: false);
        clean &= Measure(atlas, "borders", borders, countryOnly: false);
        return Task.FromResult(clean ? 0 : 1);
    }

    private static bool Measure(JurisdictionAtlas atlas, string points, (double Lat, double Lon)[] set, bool countryOnly)
    {
        var found = 0;
        // One untimed pass so the JIT and the caches are warm, then timed passes for at least a second.
        foreach (var (lat, lon) in set) if (Lookup(atlas, lat, lon, countryOnly)) found++;
        found = 0;
        var lookups = 0L;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var (lat, lon) in set) if (Lookup(atlas, lat, lon, countryOnly)) found++;
            lookups += set.Length;
        } while (clock.Elapsed.TotalSeconds < 1);
        clock.Stop();
        var landShare = (double)found / lookups;
        Console.WriteLine(BridgeBench.Json(new Dictionary<string, object>
        {
            ["benchmark"] = "jurisdictions",
            ["stage"] = countryOnly ? "country" : "country+subdivision",
            ["points"] = points,
            ["lookups"] = lookups,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
            ["lookupsPerSecond"] = Math.Round(lookups / clock.Elapsed.TotalSeconds),
            ["nanosecondsPerLookup"] = Math.Round(clock.Elapsed.TotalNanoseconds / lookups, 1),
            ["onLandShare"] = Math.Round(landShare, 3),
        }));
        // Land is about 30 % of the globe, but country-coder draws island states as boxes over the sea
        // around them, which brings the share with a country to about 57 %; next to borders nearly all are.
        return BenchArgs.Check("jurisdictions", points == "globe" ? landShare is > 0.3 and < 0.75 : landShare > 0.5,
            $"{points}: {landShare:P1} of the points found a country, which is implausible");
    }

    private static bool Lookup(JurisdictionAtlas atlas, double lat, double lon, bool countryOnly) =>
        countryOnly ? atlas.LocateCountry(lat, lon) is not null : atlas.Locate(lat, lon).Country is not null;

    /// <summary>Uniform over the sphere (not over the lon/lat rectangle, which would crowd the poles).</summary>
    private static (double, double)[] GlobePoints(int count, Random random)
    {
        var points = new (double, double)[count];
        for (var i = 0; i < count; i++)
            points[i] = (Math.Asin(2 * random.NextDouble() - 1) * 180 / Math.PI, random.NextDouble() * 360 - 180);
        return points;
    }

    /// <summary>Vertices of the countries' boundaries, moved by up to 0.01 degrees (about a kilometre) either way.</summary>
    private static (double, double)[] BorderPoints(JurisdictionAtlas atlas, int count, Random random)
    {
        var vertices = new List<(double, double)>();
        foreach (var code in atlas.CountryCodes)
            foreach (var polygon in atlas.Region(code)!.Polygons)
                foreach (var p in polygon.Exterior)
                    if (Math.Abs(p.Latitude) < 80) vertices.Add((p.Latitude, p.Longitude));
        var points = new (double, double)[count];
        for (var i = 0; i < count; i++)
        {
            var (lat, lon) = vertices[random.Next(vertices.Count)];
            points[i] = (Math.Clamp(lat + (random.NextDouble() - 0.5) * 0.02, -90, 90), Math.Clamp(lon + (random.NextDouble() - 0.5) * 0.02, -180, 180));
        }
        return points;
    }
}
