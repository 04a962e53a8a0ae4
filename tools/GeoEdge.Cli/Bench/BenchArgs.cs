using System.Globalization;

namespace GeoEdge.Cli.Bench;

/// <summary>What the in-process benchmarks share: their numeric options and their sanity checks.</summary>
internal static class BenchArgs
{
    /// <summary>The positive whole number after <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int Option(string[] args, string name, int fallback, string usage)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        return i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : throw new ArgumentException($"{name} needs a positive whole number\n{usage}");
    }

    /// <summary>A benchmark that measured something wrong says so on stderr (and the caller exits 1).</summary>
    public static bool Check(string bench, bool condition, string problem)
    {
        if (!condition) Console.Error.WriteLine($"bench {bench}: {problem}");
        return condition;
    }
}
