using System.Globalization;

namespace GeoEdge.Drivers.Gnss.Nmea;

/// <summary>
/// Walks the comma-separated data fields of one sentence. Each typed read returns null for an
/// empty field; a malformed or missing field records the first <see cref="Error"/> (naming the
/// field) and reads on harmlessly, so a layout reads as straight-line code and fails as a whole.
/// </summary>
internal ref struct NmeaFieldReader
{
    private ReadOnlySpan<char> _rest;

    public NmeaFieldReader(ReadOnlySpan<char> fields, bool hasFields)
    {
        _rest = fields;
        Remaining = hasFields ? fields.Count(',') + 1 : 0;
    }

    /// <summary>Fields not read yet; lets a layout read the optional fields later NMEA versions appended.</summary>
    public int Remaining { get; private set; }

    public bool HasMore => Remaining > 0;

    public NmeaError? Error { get; private set; }

    public ReadOnlySpan<char> Next(string name)
    {
        if (Remaining == 0)
        {
            Fail(name, "missing: the sentence ends before it");
            return default;
        }
        Remaining--;
        var comma = _rest.IndexOf(',');
        ReadOnlySpan<char> field;
        if (comma < 0)
        {
            field = _rest;
            _rest = default;
        }
        else
        {
            field = _rest[..comma];
            _rest = _rest[(comma + 1)..];
        }
        return field;
    }

    public void Fail(string name, string detail) => Error ??= new NmeaError(NmeaErrorKind.MalformedField, $"{name}: {detail}", name);

    public double? Double(string name, double min, double max)
    {
        var field = Next(name);
        if (field.IsEmpty) return null;
        if (double.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
            return value;
        Fail(name, $"'{Show(field)}' is not a number from {min} to {max}");
        return null;
    }

    public int? Int(string name, int min, int max)
    {
        var field = Next(name);
        if (field.IsEmpty) return null;
        if (int.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Fail(name, $"'{Show(field)}' is not an integer from {min} to {max}");
        return null;
    }

    /// <summary>One hexadecimal digit (NMEA 4.11 signal ids).</summary>
    public int? HexDigit(string name)
    {
        var field = Next(name);
        if (field.IsEmpty) return null;
        if (field.Length == 1 && char.IsAsciiHexDigit(field[0]))
            return int.Parse(field, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        Fail(name, $"'{Show(field)}' is not one hex digit");
        return null;
    }

    public char? Char(string name, string allowed)
    {
        var field = Next(name);
        if (field.IsEmpty) return null;
        if (field.Length == 1 && allowed.Contains(field[0])) return field[0];
        Fail(name, $"'{Show(field)}' is not one of {string.Join('/', allowed.ToCharArray())}");
        return null;
    }

    /// <summary>A unit field: empty or exactly <paramref name="unit"/>.</summary>
    public void Unit(string name, char unit) => Char(name, unit.ToString());

    /// <summary>A short text made only of <paramref name="allowed"/> characters (station ids, mode letters).</summary>
    public string? Text(string name, int maxLength, string allowed)
    {
        var field = Next(name);
        if (field.IsEmpty) return null;
        if (field.Length <= maxLength && !field.ContainsAnyExcept(allowed)) return field.ToString();
        Fail(name, $"'{Show(field)}' is not up to {maxLength} of '{allowed}'");
        return null;
    }

    /// <summary>hhmmss with optional fraction of a second, UTC.</summary>
    public TimeOnly? Time(string name)
    {
        var field = Next(name);
        if (field.IsEmpty) return null;
        if (field.Length >= 6 && TwoDigits(field, 0, 23, out var h) && TwoDigits(field, 2, 59, out var m) && TwoDigits(field, 4, 59, out var s)
            && TryFraction(field[6..], out var fractionTicks))
            return new TimeOnly(h, m, s).Add(TimeSpan.FromTicks(fractionTicks));
        // A leap second (ss = 60) cannot be represented and is rejected, not rounded.
        Fail(name, $"'{Show(field)}' is not hhmmss.ss");
        return null;
    }

    /// <summary>ddmmyy; two-digit years 80-99 are 1980-1999 (GPS time starts in 1980), 00-79 are 2000-2079.</summary>
    public DateOnly? Date(string name)
    {
        var field = Next(name);
        if (field.IsEmpty) return null;
        if (field.Length == 6 && TwoDigits(field, 0, 31, out var d) && TwoDigits(field, 2, 12, out var m) && TwoDigits(field, 4, 99, out var yy))
        {
            var year = yy >= 80 ? 1900 + yy : 2000 + yy;
            if (d >= 1 && m >= 1 && d <= DateTime.DaysInMonth(year, m)) return new DateOnly(year, m, d);
        }
        Fail(name, $"'{Show(field)}' is not a ddmmyy date");
        return null;
    }

    /// <summary>A ddmm.mmmm / dddmm.mmmm value and its hemisphere letter, as signed decimal degrees.</summary>
    public double? Coordinate(string name, bool latitude)
    {
        var hemisphereName = latitude ? $"{name} N/S" : $"{name} E/W";
        var value = Next(name);
        var hemisphere = Next(hemisphereName);
        if (value.IsEmpty && hemisphere.IsEmpty) return null;

        var positive = latitude ? 'N' : 'E';
        var negative = latitude ? 'S' : 'W';
        if (hemisphere.Length != 1 || (hemisphere[0] != positive && hemisphere[0] != negative))
        {
            Fail(hemisphereName, $"'{Show(hemisphere)}' is not {positive} or {negative}");
            return null;
        }
        var degrees = DegreesAndMinutes(value, maxDegreeDigits: latitude ? 2 : 3);
        if (degrees is null || degrees > (latitude ? 90 : 180))
        {
            Fail(name, $"'{Show(value)}' is not {(latitude ? "ddmm.mmmm up to 90" : "dddmm.mmmm up to 180")} degrees");
            return null;
        }
        return hemisphere[0] == negative ? -degrees : degrees;
    }

    /// <summary>A magnitude and its E/W letter (magnetic variation); west is negative.</summary>
    public double? EastWest(string name, double max)
    {
        var magnitude = Double(name, 0, max);
        var direction = Char($"{name} E/W", "EW");
        if (magnitude is null && direction is null) return null;
        if (magnitude is null || direction is null)
        {
            Fail(name, "value and E/W must both be present or both be empty");
            return null;
        }
        return direction == 'W' ? -magnitude : magnitude;
    }

    private static double? DegreesAndMinutes(ReadOnlySpan<char> value, int maxDegreeDigits)
    {
        var dot = value.IndexOf('.');
        var degreeDigits = (dot < 0 ? value.Length : dot) - 2;
        if (degreeDigits < 1 || degreeDigits > maxDegreeDigits) return null;
        var degreePart = value[..degreeDigits];
        var minutePart = value[degreeDigits..];
        if (degreePart.ContainsAnyExceptInRange('0', '9') || minutePart[0] is < '0' or > '9') return null;
        if (!double.TryParse(minutePart, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var minutes) || minutes >= 60) return null;
        return int.Parse(degreePart, NumberStyles.None, CultureInfo.InvariantCulture) + minutes / 60.0;
    }

    private static bool TwoDigits(ReadOnlySpan<char> field, int at, int max, out int value)
    {
        value = 0;
        if (field[at] is < '0' or > '9' || field[at + 1] is < '0' or > '9') return false;
        value = (field[at] - '0') * 10 + (field[at + 1] - '0');
        return value <= max;
    }

    private static bool TryFraction(ReadOnlySpan<char> fraction, out long ticks)
    {
        ticks = 0;
        if (fraction.IsEmpty) return true;
        if (fraction[0] != '.' || fraction.Length > 10) return false;
        var digits = fraction[1..];
        if (digits.ContainsAnyExceptInRange('0', '9')) return false;
        long scale = TimeSpan.TicksPerSecond;
        foreach (var digit in digits)
        {
            scale /= 10;
            ticks += (digit - '0') * scale;
        }
        return true;
    }

    /// <summary>Quotes hostile input in a message without letting it grow the message.</summary>
    private static string Show(ReadOnlySpan<char> field) => field.Length <= 16 ? field.ToString() : $"{field[..16]}...";
}
