using System.Security.Cryptography;

namespace GeoEdge.Wire.Readings;

/// <summary>
/// The canonical encoding of a <see cref="Reading"/>: compact JSON, members in declaration order,
/// nulls omitted, times in UTC with millisecond precision, numbers in shortest round-trip form.
/// Decoding insists the bytes are canonical (re-encoding gives the same bytes), so two different
/// byte strings can never stand for the same reading.
/// </summary>
public static class CanonicalReading
{
    public static byte[] Encode(Reading reading) => WireJson.Encode(Normalize(reading));

    public static Reading Decode(ReadOnlySpan<byte> bytes)
    {
        var reading = WireJson.Decode<Reading>(bytes);
        if (reading.V != Reading.CurrentVersion)
            throw new WireFormatException($"reading: version {reading.V} is not supported (expected {Reading.CurrentVersion})");
        HostId.Validate(reading.HostId);
        if (reading.Fix is { } fix) GnssFixValidation.Validate(fix);
        if (reading.Modem is { } modem) ModemReportValidation.Validate(modem);
        if (!Encode(reading).AsSpan().SequenceEqual(bytes))
            throw new WireFormatException("reading: bytes are not in canonical form");
        return reading;
    }

    /// <summary>SHA-256 of the canonical bytes: the TPM quote's qualifying data.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> canonicalBytes) => SHA256.HashData(canonicalBytes);

    private static Reading Normalize(Reading r) => r with
    {
        Time = Millis(r.Time),
        Fix = r.Fix is null ? null : r.Fix with
        {
            Time = Millis(r.Fix.Time),
            Satellites = r.Fix.Satellites?.Select(Normalize).ToList(),
        },
    };

    private static GnssSatellite Normalize(GnssSatellite s) => s.Osnma is not { } o ? s : s with
    {
        Osnma = o with
        {
            NavData = o.NavData with { LastAuthenticated = Millis(o.NavData.LastAuthenticated) },
            Timing = o.Timing with { LastAuthenticated = Millis(o.Timing.LastAuthenticated) },
        },
    };

    private static DateTimeOffset? Millis(DateTimeOffset? t) => t is { } value ? Millis(value) : null;

    private static DateTimeOffset Millis(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
