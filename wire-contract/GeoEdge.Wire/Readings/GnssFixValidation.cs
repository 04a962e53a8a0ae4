using static GeoEdge.Wire.Readings.ReadingFieldError;

using System.Globalization;

namespace GeoEdge.Wire.Readings;

/// <summary>
/// The checks JSON typing cannot make on a decoded fix: value ranges, known names, one entry per
/// satellite, OSNMA records only on Galileo satellites. Each refusal names the field by its JSON path.
/// </summary>
public static class GnssFixValidation
{
    /// <summary>More than any receiver uses in one fix (four full constellations are about 120 satellites).</summary>
    public const int MaxSatellites = 128;

    public const int MaxIodnav = 1023;
    public const int MaxChainId = 3;
    public const int MaxPublicKeyId = 15;
    public const int MaxJamIndicator = 255;

    /// <exception cref="WireFormatException">a member is out of range or not one of the names the contract allows.</exception>
    public static void Validate(GnssFixReport fix)
    {
        if (fix.Satellites is { } satellites) ValidateSatellites(satellites);
        if (fix.Osnma is { } osnma) ValidateOsnma(osnma);
        if (fix.Receiver is { } receiver) ValidateReceiver(receiver);
    }

    private static void ValidateSatellites(IReadOnlyList<GnssSatellite> satellites)
    {
        if (satellites.Count > MaxSatellites)
            throw Invalid("fix.satellites", $"{satellites.Count} satellites, more than the {MaxSatellites} allowed");
        var seen = new HashSet<(string, int)>();
        for (var i = 0; i < satellites.Count; i++)
        {
            var path = $"fix.satellites[{i}]";
            var sat = satellites[i] ?? throw Invalid(path, "null");
            var range = GnssSystems.SvidRange(sat.System)
                ?? throw Invalid($"{path}.system", $"'{Shorten(sat.System)}' is not one of gps, galileo, glonass, beidou, qzss, sbas, navic");
            if (sat.Svid < range.Min || sat.Svid > range.Max)
                throw Invalid($"{path}.svid", $"{sat.Svid} is outside {range.Min}-{range.Max} for {sat.System}");
            if (!seen.Add((sat.System, sat.Svid)))
                throw Invalid($"{path}", $"{sat.System} {sat.Svid} is listed twice");
            if (sat.Osnma is { } record)
            {
                if (sat.System != GnssSystems.Galileo)
                    throw Invalid($"{path}.osnma", $"only Galileo satellites carry OSNMA, not {sat.System}");
                ValidateRecord(record, $"{path}.osnma");
            }
        }
    }

    private static void ValidateRecord(GalileoOsnmaRecord record, string path)
    {
        var nav = record.NavData;
        if (nav.Authenticated && nav.LastAuthenticated is null)
            throw Invalid($"{path}.navData.lastAuthenticated", "missing although the data is authenticated");
        if (nav.Iodnav is < 0 or > MaxIodnav)
            throw Invalid($"{path}.navData.iodnav", $"{nav.Iodnav} is outside 0-{MaxIodnav}");
        if (record.Timing.Authenticated && record.Timing.LastAuthenticated is null)
            throw Invalid($"{path}.timing.lastAuthenticated", "missing although the data is authenticated");
    }

    private static void ValidateOsnma(OsnmaState osnma)
    {
        if (osnma.Nmas is { } nmas && !OsnmaNmas.IsKnown(nmas))
            throw Invalid("fix.osnma.nmas", $"'{Shorten(nmas)}' is not operational, test or dont-use");
        if (osnma.ChainId is < 0 or > MaxChainId)
            throw Invalid("fix.osnma.chainId", $"{osnma.ChainId} is outside 0-{MaxChainId}");
        if (osnma.PublicKeyId is < 0 or > MaxPublicKeyId)
            throw Invalid("fix.osnma.publicKeyId", $"{osnma.PublicKeyId} is outside 0-{MaxPublicKeyId}");
        if (osnma.StartMode is { } mode && !OsnmaStartModes.IsKnown(mode))
            throw Invalid("fix.osnma.startMode", $"'{Shorten(mode)}' is not cold, warm or hot");
        if (!TrustedTimeSources.IsKnown(osnma.TimeSource))
            throw Invalid("fix.osnma.timeSource", $"'{Shorten(osnma.TimeSource)}' is not system, replay or simulation");
        if (!double.IsFinite(osnma.TimeMaxErrorSeconds) || osnma.TimeMaxErrorSeconds < 0)
            throw Invalid("fix.osnma.timeMaxErrorSeconds", $"{osnma.TimeMaxErrorSeconds.ToString(CultureInfo.InvariantCulture)} is not a finite, non-negative number of seconds");
    }

    private static void ValidateReceiver(GnssReceiverFlags receiver)
    {
        if (!JammingStates.IsKnown(receiver.Jamming))
            throw Invalid("fix.receiver.jamming", $"'{Shorten(receiver.Jamming)}' is not unknown, none, warning or critical");
        if (!SpoofingStates.IsKnown(receiver.Spoofing))
            throw Invalid("fix.receiver.spoofing", $"'{Shorten(receiver.Spoofing)}' is not unknown, none, indicated or affirmed");
        if (receiver.JamIndicator is < 0 or > MaxJamIndicator)
            throw Invalid("fix.receiver.jamIndicator", $"{receiver.JamIndicator} is outside 0-{MaxJamIndicator}");
    }
}
