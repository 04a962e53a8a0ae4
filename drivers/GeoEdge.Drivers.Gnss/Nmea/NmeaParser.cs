namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>
/// Parses one NMEA 0183 line (without its line ending) into a typed sentence, or says precisely
/// why not. Never throws for bad input: a receiver's garbage is counted, not fatal.
/// </summary>
public static class NmeaParser
{
    /// <summary>
    /// NMEA 0183 allows 82 characters; receivers in high-precision modes (Trimble, Septentrio,
    /// u-blox HPG) exceed it by a few dozen. Twice the standard bounds the work spent on garbage.
    /// </summary>
    public const int MaxSentenceLength = 164;

    public static NmeaParseResult Parse(string line) => Parse(line.AsSpan());

    public static NmeaParseResult Parse(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxSentenceLength)
            return NmeaParseResult.Failure(NmeaErrorKind.TooLong, $"{line.Length} characters, at most {MaxSentenceLength} accepted");

        // Resynchronise on the last start character: after a reconnect or line noise the line may
        // begin with the tail of something else. The checksum then decides whether what follows is whole.
        var start = line.LastIndexOfAny('$', '!');
        if (start < 0) return NmeaParseResult.Failure(NmeaErrorKind.NotNmea, "no '$' or '!' start character");
        var sentence = line[start..];
        var unprintable = sentence.IndexOfAnyExceptInRange((char)0x20, (char)0x7E);
        if (unprintable >= 0)
            return NmeaParseResult.Failure(NmeaErrorKind.NotNmea, $"character 0x{(int)sentence[unprintable]:X2} at position {start + unprintable} is not printable ASCII");

        var star = sentence.IndexOf('*');
        if (star < 0) return NmeaParseResult.Failure(NmeaErrorKind.MissingChecksum, "no '*HH' checksum at the end");
        var body = sentence[1..star];
        var checksumText = sentence[(star + 1)..];
        if (!NmeaChecksum.TryParse(checksumText, out var stated))
            return NmeaParseResult.Failure(NmeaErrorKind.BadChecksum, $"'{Truncate(checksumText)}' after '*' is not two hex digits");
        var computed = NmeaChecksum.Compute(body);
        if (computed != stated)
            return NmeaParseResult.Failure(NmeaErrorKind.BadChecksum, $"sentence says {stated:X2}, its content sums to {computed:X2}");

        var comma = body.IndexOf(',');
        var address = comma < 0 ? body : body[..comma];
        if (address.Length != 5 || address[0] == 'P')
            return NmeaParseResult.Failure(NmeaErrorKind.UnknownSentence, $"address '{Truncate(address)}' is not a talker and a standard sentence type");
        var talker = address[..2];
        var type = address[2..];
        if (!NmeaTalkers.IsAccepted(talker))
            return NmeaParseResult.Failure(NmeaErrorKind.UnknownSentence, $"talker '{talker}' is not a GNSS talker");

        var reader = new NmeaFieldReader(comma < 0 ? default : body[(comma + 1)..], hasFields: comma >= 0);
        var parsed = NmeaSentenceLayouts.Parse(type, NmeaTalkers.Intern(talker), ref reader);
        if (reader.Error is { } error) return NmeaParseResult.Failure(error);
        return parsed is null
            ? NmeaParseResult.Failure(NmeaErrorKind.UnknownSentence, $"sentence type '{type}' is not decoded")
            : NmeaParseResult.Success(parsed);
    }

    private static string Truncate(ReadOnlySpan<char> text) => text.Length <= 16 ? text.ToString() : $"{text[..16]}...";
}
