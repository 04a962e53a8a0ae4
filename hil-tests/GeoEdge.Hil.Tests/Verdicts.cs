using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire.Messages;
using Xunit;

namespace GeoEdge.Hil.Tests;

/// <summary>What the attack and fault tests expect of the genuine host's results while they interfere.</summary>
internal static class Verdicts
{
    /// <summary>
    /// Affirming with no finding, or a warning only because OSNMA is re-authenticating new navigation data
    /// (<see cref="GnssVerdicts.IsGenuine"/>).
    /// </summary>
    public static bool IsGenuine(string? earStatus, IReadOnlyList<string> reasons) => GnssVerdicts.IsGenuine(earStatus, reasons);

    public static bool IsGenuine(ResultMessage result) => IsGenuine(result.EarStatus, result.Reasons);

    /// <summary>A result for a genuine reading: accepted, inside, at the position the GNSS simulator plays.</summary>
    public static void AssertGenuineInside(ResultMessage result, double latitude, double longitude)
    {
        Assert.True(IsGenuine(result) && result.Geofence == "inside",
            $"seq {result.Seq}: expected affirming/inside, got {result.EarStatus}/{result.Geofence ?? "-"} {string.Join("; ", result.Reasons)}");
        Assert.True(result.Seq > 0, "a genuine result names its sequence number");
        Assert.Equal(latitude, result.Latitude!.Value, 6);
        Assert.Equal(longitude, result.Longitude!.Value, 6);
    }

    public static void AssertGenuineInside(ResultMessage result, RigOptions options) =>
        AssertGenuineInside(result, options.Latitude, options.Longitude);

    /// <summary>A refusal naming exactly one finding with this code.</summary>
    public static void AssertRefused(ResultMessage result, string code)
    {
        Assert.Equal("contraindicated", result.EarStatus);
        Assert.Null(result.Geofence);
        var reason = Assert.Single(result.Reasons);
        Assert.StartsWith(code + ":", reason, StringComparison.Ordinal);
    }
}
