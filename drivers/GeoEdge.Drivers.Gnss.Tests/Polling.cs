using System.Diagnostics;

namespace GeoEdge.Drivers.Gnss.Tests;

/// <summary>Waits for something a background reader will produce, failing with the caller's diagnostics when it does not come.</summary>
internal static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<T?> probe, string what, TimeSpan timeout, Func<string> diagnostics) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (probe() is { } value) return value;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"no {what} within {timeout.TotalSeconds} s; {diagnostics()}");
    }
}
