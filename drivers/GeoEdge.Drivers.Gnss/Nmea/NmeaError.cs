namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>Why a line was not accepted as an NMEA sentence.</summary>
public enum NmeaErrorKind
{
    /// <summary>No '$' or '!' start, or characters outside printable ASCII.</summary>
    NotNmea,
    /// <summary>Longer than <see cref="NmeaParser.MaxSentenceLength"/>.</summary>
    TooLong,
    /// <summary>No '*HH' checksum. Rejected: without it, line noise is indistinguishable from data.</summary>
    MissingChecksum,
    /// <summary>The checksum is not two hex digits, or does not match the sentence.</summary>
    BadChecksum,
    /// <summary>A talker or sentence type this parser does not decode (including proprietary $P...).</summary>
    UnknownSentence,
    /// <summary>A field is missing or its value is not what the sentence layout allows.</summary>
    MalformedField,
}

/// <summary>A rejected line: the kind, the field concerned (for <see cref="NmeaErrorKind.MalformedField"/>) and a readable detail.</summary>
public sealed record NmeaError(NmeaErrorKind Kind, string Detail, string? Field = null)
{
    public override string ToString() => Field is null ? $"{Kind}: {Detail}" : $"{Kind} ({Field}): {Detail}";
}

/// <summary>Outcome of parsing one line: a sentence, or the reason there is none.</summary>
public readonly record struct NmeaParseResult
{
    public NmeaSentence? Sentence { get; }
    public NmeaError? Error { get; }

    private NmeaParseResult(NmeaSentence? sentence, NmeaError? error)
    {
        Sentence = sentence;
        Error = error;
    }

    public bool IsSuccess => Sentence is not null;

    public static NmeaParseResult Success(NmeaSentence sentence) => new(sentence, null);

    public static NmeaParseResult Failure(NmeaError error) => new(null, error);

    public static NmeaParseResult Failure(NmeaErrorKind kind, string detail, string? field = null) => new(null, new NmeaError(kind, detail, field));
}
