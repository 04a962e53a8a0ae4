using GeoEdge.Drivers.Gnss.Nmea;

namespace GeoEdge.Drivers.Gnss.Tests;

internal static class Parsed
{
    /// <summary>Parses a line that must succeed as a <typeparamref name="T"/>; fails the test with the parser's reason otherwise.</summary>
    public static T As<T>(string line) where T : NmeaSentence
    {
        var result = NmeaParser.Parse(line);
        Assert.True(result.IsSuccess, $"'{line}' was rejected: {result.Error}");
        return Assert.IsType<T>(result.Sentence);
    }

    public static NmeaError Rejected(string line)
    {
        var result = NmeaParser.Parse(line);
        Assert.False(result.IsSuccess, $"'{line}' was accepted as {result.Sentence}");
        return result.Error!;
    }

    /// <summary>Degrees from the ddmm.mmmm digits as they appear in the sentence.</summary>
    public static double Degrees(int degrees, double minutes) => degrees + minutes / 60.0;
}
