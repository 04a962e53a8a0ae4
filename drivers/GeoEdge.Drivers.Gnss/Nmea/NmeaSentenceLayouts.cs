namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>
/// The field layout of each decoded sentence type, read in order. Fields that later NMEA
/// versions appended (RMC mode and navigational status, GSA system id, GSV signal id, GNS
/// navigational status, GGA's DGPS fields, which some receivers drop) are read only when
/// present; fields beyond the known layout are ignored, so newer receivers still parse.
/// </summary>
internal static class NmeaSentenceLayouts
{
    private const string Digits = "0123456789";
    private const string ModeLetters = "ADEFMNPRS";
    private const string NavigationalStatusLetters = "SCUV";
    private const double MaxDop = 999.99;
    private const double MaxAltitude = 100_000;
    private const double MaxSeparation = 1_000;
    private const double MaxDgpsAge = 9_999;
    private const double MaxSigma = 1_000_000;

    internal static NmeaSentence? Parse(ReadOnlySpan<char> type, string talker, ref NmeaFieldReader r) => type switch
    {
        "GGA" => Gga(talker, ref r),
        "RMC" => Rmc(talker, ref r),
        "GSA" => Gsa(talker, ref r),
        "GSV" => Gsv(talker, ref r),
        "GNS" => Gns(talker, ref r),
        "GST" => Gst(talker, ref r),
        _ => null,
    };

    private static Gga Gga(string talker, ref NmeaFieldReader r)
    {
        var time = r.Time("time");
        var latitude = r.Coordinate("latitude", latitude: true);
        var longitude = r.Coordinate("longitude", latitude: false);
        var quality = (FixQuality?)r.Int("fix quality", 0, 8);
        var satellites = r.Int("satellites used", 0, 99);
        var hdop = r.Double("HDOP", 0, MaxDop);
        var altitude = r.Double("altitude", -MaxAltitude, MaxAltitude);
        r.Unit("altitude unit", 'M');
        var separation = r.Double("geoid separation", -MaxSeparation, MaxSeparation);
        r.Unit("geoid separation unit", 'M');
        var age = r.HasMore ? r.Double("DGPS age", 0, MaxDgpsAge) : null;
        var station = r.HasMore ? r.Text("DGPS station", 4, Digits) : null;
        return new Gga(talker, time, latitude, longitude, quality, satellites, hdop, altitude, separation, age, station);
    }

    private static Rmc Rmc(string talker, ref NmeaFieldReader r)
    {
        var time = r.Time("time");
        var status = (RmcStatus?)r.Char("status", "AV");
        var latitude = r.Coordinate("latitude", latitude: true);
        var longitude = r.Coordinate("longitude", latitude: false);
        var speed = r.Double("speed", 0, 100_000);
        var course = r.Double("course", 0, 360);
        var date = r.Date("date");
        var variation = r.EastWest("magnetic variation", 180);
        var mode = r.HasMore ? (PositioningMode?)r.Char("mode", ModeLetters) : null;
        var navigationalStatus = r.HasMore ? r.Char("navigational status", NavigationalStatusLetters) : null;
        return new Rmc(talker, time, status, latitude, longitude, speed, course, date, variation, mode, navigationalStatus);
    }

    private static Gsa Gsa(string talker, ref NmeaFieldReader r)
    {
        const int PrnSlots = 12;
        var selection = r.Char("selection mode", "MA");
        var fixType = (GsaFixType?)r.Int("fix type", 1, 3);
        var prns = new List<int>(PrnSlots);
        for (var slot = 1; slot <= PrnSlots; slot++)
            if (r.Int($"satellite {slot} PRN", 1, 999) is { } prn) prns.Add(prn);
        var pdop = r.Double("PDOP", 0, MaxDop);
        var hdop = r.Double("HDOP", 0, MaxDop);
        var vdop = r.Double("VDOP", 0, MaxDop);
        var system = r.HasMore ? (GnssSystemId?)r.HexDigit("system id") : null;
        return new Gsa(talker, selection, fixType, prns, pdop, hdop, vdop, system);
    }

    private static Gsv? Gsv(string talker, ref NmeaFieldReader r)
    {
        const int MaxSatellitesPerMessage = 4;
        var total = r.Int("total messages", 1, 99);
        var number = r.Int("message number", 1, 99);
        var inView = r.Int("satellites in view", 0, 999);
        // The header says how to read the rest; unlike data fields it cannot be left empty.
        if (total is null) r.Fail("total messages", "empty");
        if (number is null) r.Fail("message number", "empty");
        if (inView is null) r.Fail("satellites in view", "empty");
        if (total is null || number is null || inView is null) return null;
        if (number > total) r.Fail("message number", $"message {number} of {total}");

        // Blocks of four, then the NMEA 4.10 signal id if the count leaves one field over.
        var blocks = Math.DivRem(r.Remaining, 4, out var leftOver);
        if (blocks > MaxSatellitesPerMessage || leftOver > 1)
        {
            r.Fail("satellite blocks", $"{r.Remaining} fields do not form up to {MaxSatellitesPerMessage} blocks of prn,elevation,azimuth,snr");
            return null;
        }
        var satellites = new List<GsvSatellite>(blocks);
        for (var block = 1; block <= blocks; block++)
        {
            var prn = r.Int($"satellite {block} PRN", 1, 999);
            var elevation = r.Int($"satellite {block} elevation", -90, 90);
            var azimuth = r.Int($"satellite {block} azimuth", 0, 360);
            var snr = r.Int($"satellite {block} SNR", 0, 99);
            if (prn is { } p) satellites.Add(new GsvSatellite(p, elevation, azimuth, snr));
            // Some receivers pad the last message with empty blocks; a block with data but no PRN is broken.
            else if (elevation is not null || azimuth is not null || snr is not null) r.Fail($"satellite {block} PRN", "empty while the block has data");
        }
        var signal = leftOver == 1 ? r.HexDigit("signal id") : null;
        return new Gsv(talker, total.Value, number.Value, inView.Value, satellites, signal);
    }

    private static Gns Gns(string talker, ref NmeaFieldReader r)
    {
        var time = r.Time("time");
        var latitude = r.Coordinate("latitude", latitude: true);
        var longitude = r.Coordinate("longitude", latitude: false);
        var modes = r.Text("mode indicators", 8, ModeLetters);
        var satellites = r.Int("satellites used", 0, 999);
        var hdop = r.Double("HDOP", 0, MaxDop);
        var altitude = r.Double("altitude", -MaxAltitude, MaxAltitude);
        var separation = r.Double("geoid separation", -MaxSeparation, MaxSeparation);
        var age = r.Double("DGPS age", 0, MaxDgpsAge);
        var station = r.Text("DGPS station", 4, Digits);
        var navigationalStatus = r.HasMore ? r.Char("navigational status", NavigationalStatusLetters) : null;
        return new Gns(talker, time, latitude, longitude, modes, satellites, hdop, altitude, separation, age, station, navigationalStatus);
    }

    private static Gst Gst(string talker, ref NmeaFieldReader r) => new(
        talker,
        r.Time("time"),
        r.Double("RMS", 0, MaxSigma),
        r.Double("sigma major", 0, MaxSigma),
        r.Double("sigma minor", 0, MaxSigma),
        r.Double("orientation", -180, 360),
        r.Double("sigma latitude", 0, MaxSigma),
        r.Double("sigma longitude", 0, MaxSigma),
        r.Double("sigma altitude", 0, MaxSigma));
}
