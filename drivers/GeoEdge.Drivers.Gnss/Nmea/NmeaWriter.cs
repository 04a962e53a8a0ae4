using System.Globalization;
using System.Text;

namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>
/// Formats sentences the way a u-blox receiver does (5 decimals of arc minutes, centisecond
/// time), with a correct checksum. Used by the simulator and by round-trip tests.
/// </summary>
public static class NmeaWriter
{
    public const int MaxGsaPrns = 12;
    public const int MaxGsvSatellites = 4;

    /// <summary>The sentence from '$' to the checksum, without line ending.</summary>
    public static string Format(NmeaSentence sentence)
    {
        var w = new FieldWriter(sentence.Talker, sentence.SentenceType);
        switch (sentence)
        {
            case Gga s:
                w.Time(s.Time).Coordinate(s.Latitude, true).Coordinate(s.Longitude, false).Int((int?)s.Quality)
                    .Int(s.SatellitesUsed, 2).Number(s.Hdop, 2).Number(s.AltitudeMsl, 1).Text(s.AltitudeMsl is null ? null : "M")
                    .Number(s.GeoidSeparation, 1).Text(s.GeoidSeparation is null ? null : "M").Number(s.DgpsAgeSeconds, 1).Text(s.DgpsStationId);
                break;
            case Rmc s:
                w.Time(s.Time).Char((char?)s.Status).Coordinate(s.Latitude, true).Coordinate(s.Longitude, false)
                    .Number(s.SpeedKnots, 3).Number(s.CourseDegrees, 2).Date(s.Date)
                    .Number(s.MagneticVariation is { } v ? Math.Abs(v) : null, 1).Text(s.MagneticVariation is { } d ? (d < 0 ? "W" : "E") : null);
                // Fields added by NMEA 2.3 and 4.10 are left out when empty, as older receivers do.
                if (s.Mode is not null || s.NavigationalStatus is not null) w.Char((char?)s.Mode);
                if (s.NavigationalStatus is not null) w.Char(s.NavigationalStatus);
                break;
            case Gsa s:
                if (s.SatellitePrns.Count > MaxGsaPrns) throw new ArgumentException($"a GSA carries at most {MaxGsaPrns} PRNs, got {s.SatellitePrns.Count}", nameof(sentence));
                w.Char(s.SelectionMode).Int((int?)s.FixType);
                for (var slot = 0; slot < MaxGsaPrns; slot++) w.Int(slot < s.SatellitePrns.Count ? s.SatellitePrns[slot] : null, 2);
                w.Number(s.Pdop, 2).Number(s.Hdop, 2).Number(s.Vdop, 2);
                if (s.SystemId is { } system) w.Hex((int)system);
                break;
            case Gsv s:
                if (s.Satellites.Count > MaxGsvSatellites) throw new ArgumentException($"a GSV carries at most {MaxGsvSatellites} satellites, got {s.Satellites.Count}", nameof(sentence));
                w.Int(s.TotalMessages).Int(s.MessageNumber).Int(s.SatellitesInView, 2);
                foreach (var sat in s.Satellites) w.Int(sat.Prn, 2).Int(sat.ElevationDegrees, 2).Int(sat.AzimuthDegrees, 3).Int(sat.SnrDbHz, 2);
                if (s.SignalId is { } signal) w.Hex(signal);
                break;
            case Gns s:
                w.Time(s.Time).Coordinate(s.Latitude, true).Coordinate(s.Longitude, false).Text(s.ModeIndicators)
                    .Int(s.SatellitesUsed, 2).Number(s.Hdop, 2).Number(s.AltitudeMsl, 1).Number(s.GeoidSeparation, 1)
                    .Number(s.DgpsAgeSeconds, 1).Text(s.DgpsStationId);
                if (s.NavigationalStatus is not null) w.Char(s.NavigationalStatus);
                break;
            case Gst s:
                w.Time(s.Time).Number(s.RmsRange, 3).Number(s.SigmaMajor, 3).Number(s.SigmaMinor, 3).Number(s.OrientationDegrees, 1)
                    .Number(s.SigmaLatitude, 3).Number(s.SigmaLongitude, 3).Number(s.SigmaAltitude, 3);
                break;
            default:
                throw new ArgumentException($"no format for {sentence.GetType().Name}", nameof(sentence));
        }
        return w.Finish();
    }

    /// <summary>The sentence with CR LF, as ASCII bytes ready for the wire.</summary>
    public static byte[] ToBytes(NmeaSentence sentence) => Encoding.ASCII.GetBytes(Format(sentence) + "\r\n");

    /// <summary>Splits a satellite list into the numbered GSV messages that carry it, four per message.</summary>
    public static IReadOnlyList<Gsv> SplitGsv(string talker, IReadOnlyList<GsvSatellite> satellites, int? signalId)
    {
        var total = Math.Max(1, (satellites.Count + MaxGsvSatellites - 1) / MaxGsvSatellites);
        var messages = new List<Gsv>(total);
        for (var i = 0; i < total; i++)
        {
            var part = satellites.Skip(i * MaxGsvSatellites).Take(MaxGsvSatellites).ToArray();
            messages.Add(new Gsv(talker, total, i + 1, satellites.Count, part, signalId));
        }
        return messages;
    }

    private sealed class FieldWriter
    {
        private readonly StringBuilder _text = new(96);

        public FieldWriter(string talker, string type)
        {
            if (talker.Length != 2 || type.Length != 3) throw new ArgumentException($"address '{talker}{type}' is not two talker and three type letters");
            _text.Append('$').Append(talker).Append(type);
        }

        public FieldWriter Text(string? value)
        {
            _text.Append(',').Append(value);
            return this;
        }

        public FieldWriter Char(char? value)
        {
            _text.Append(',');
            if (value is { } c) _text.Append(c);
            return this;
        }

        public FieldWriter Int(int? value, int digits = 1) =>
            Text(value?.ToString(new string('0', digits), CultureInfo.InvariantCulture));

        public FieldWriter Hex(int value) => Text(value.ToString("X1", CultureInfo.InvariantCulture));

        public FieldWriter Number(double? value, int decimals) =>
            Text(value?.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

        public FieldWriter Time(TimeOnly? time)
        {
            if (time is not { } t) return Text(null);
            // Truncated, not rounded, to centiseconds: rounding 59.996 s would print a 60th second.
            var centiseconds = t.Ticks % TimeSpan.TicksPerSecond / (TimeSpan.TicksPerMillisecond * 10);
            return Text(string.Create(CultureInfo.InvariantCulture, $"{t.Hour:00}{t.Minute:00}{t.Second:00}.{centiseconds:00}"));
        }

        public FieldWriter Date(DateOnly? date) =>
            Text(date is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.Day:00}{d.Month:00}{d.Year % 100:00}") : null);

        public FieldWriter Coordinate(double? degrees, bool latitude)
        {
            if (degrees is not { } value) return Text(null).Text(null);
            // Whole 1e-5 arc minutes, so that 59.999996' becomes the next degree instead of "60.00000".
            const long UnitsPerMinute = 100_000;
            var units = (long)Math.Round(Math.Abs(value) * 60 * UnitsPerMinute, MidpointRounding.AwayFromZero);
            var wholeDegrees = units / (60 * UnitsPerMinute);
            var minutes = units % (60 * UnitsPerMinute);
            var degreeFormat = latitude ? "00" : "000";
            Text(string.Create(CultureInfo.InvariantCulture,
                $"{wholeDegrees.ToString(degreeFormat, CultureInfo.InvariantCulture)}{minutes / UnitsPerMinute:00}.{minutes % UnitsPerMinute:00000}"));
            return Text(latitude ? (value < 0 ? "S" : "N") : (value < 0 ? "W" : "E"));
        }

        public string Finish()
        {
            var body = _text.ToString(1, _text.Length - 1);
            return string.Create(CultureInfo.InvariantCulture, $"${body}*{NmeaChecksum.Compute(body):X2}");
        }
    }
}
