using System.Text;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Turns event data into text for display: UTF-16 (firmware, systemd-boot) or ASCII (GRUB, actions), with
/// trailing NULs dropped, control characters escaped and the length bounded, so a hostile log cannot put
/// terminal escapes or megabytes into a one-line description.
/// </summary>
internal static class EventText
{
    public const int MaxLength = 1024;

    /// <summary>ASCII text (printable plus tab/newline), trailing NULs dropped; false for anything else.</summary>
    public static bool TryAscii(ReadOnlySpan<byte> data, out string text)
    {
        var trimmed = TrimTrailing(data, 1);
        text = "";
        if (trimmed.IsEmpty && data.IsEmpty) return false;
        foreach (var b in trimmed)
            if (!(b is >= 0x20 and < 0x7f or (byte)'\t' or (byte)'\n' or (byte)'\r')) return false;
        text = Bounded(Encoding.ASCII.GetString(trimmed));
        return true;
    }

    /// <summary>UTF-16LE text whose characters are all printable, trailing NULs dropped; false for anything else.</summary>
    public static bool TryUtf16(ReadOnlySpan<byte> data, out string text)
    {
        text = "";
        if (data.Length < 2) return false;
        // An odd length happens: older systemd-boot logged one byte short of the terminating NUL.
        var even = data[..(data.Length & ~1)];
        var trimmed = TrimTrailing(even, 2);
        if (trimmed.IsEmpty) return false;
        var decoded = Encoding.Unicode.GetString(trimmed);
        foreach (var c in decoded)
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r') || c == '\uFFFD') return false;
        text = Bounded(decoded);
        return true;
    }

    /// <summary>Best effort: UTF-16, else ASCII, else hex.</summary>
    public static string Any(ReadOnlySpan<byte> data) =>
        TryUtf16(data, out var utf16) && LooksUtf16(data) ? utf16
        : TryAscii(data, out var ascii) ? ascii
        : Hex(data);

    /// <summary>UTF-16 of mostly-ASCII text has a zero in every odd byte; this tells it apart from ASCII that happens to decode.</summary>
    public static bool LooksUtf16(ReadOnlySpan<byte> data) => data.Length >= 2 && data[1] == 0;

    public static string Hex(ReadOnlySpan<byte> data, int maxBytes = 64) =>
        data.Length <= maxBytes ? Convert.ToHexStringLower(data) : $"{Convert.ToHexStringLower(data[..maxBytes])}... ({data.Length} bytes)";

    /// <summary>Escapes control characters and cuts the text at <see cref="MaxLength"/>.</summary>
    public static string Bounded(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text)
        {
            if (builder.Length >= MaxLength) { builder.Append("..."); break; }
            if (c == '\n') builder.Append("\\n");
            else if (c == '\t') builder.Append("\\t");
            else if (char.IsControl(c)) builder.Append($"\\x{(int)c:x2}");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static ReadOnlySpan<byte> TrimTrailing(ReadOnlySpan<byte> data, int unit)
    {
        var end = data.Length;
        while (end >= unit && data.Slice(end - unit, unit).IndexOfAnyExcept((byte)0) < 0) end -= unit;
        return data[..end];
    }
}
