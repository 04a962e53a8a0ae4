using System.Text;

namespace GeoEdge.Ima;

/// <summary>Reads and writes IMA measurement lists in the kernel's two formats.</summary>
public static class ImaList
{
    /// <summary>Reads ascii_runtime_measurements. Throws <see cref="ImaFormatException"/> naming the line.</summary>
    public static IReadOnlyList<ImaEntry> ParseAscii(ReadOnlySpan<byte> text, ImaLimits? limits = null, int firstIndex = 0)
    {
        limits = Checked(text.Length, limits, firstIndex);
        return ImaAsciiReader.Read(text, limits, firstIndex);
    }

    /// <summary>Reads binary_runtime_measurements. Throws <see cref="ImaFormatException"/> naming the entry and offset.</summary>
    public static IReadOnlyList<ImaEntry> ParseBinary(ReadOnlySpan<byte> bytes, ImaLimits? limits = null, int firstIndex = 0)
    {
        limits = Checked(bytes.Length, limits, firstIndex);
        return ImaBinaryFormat.Read(bytes, limits, firstIndex);
    }

    /// <summary>
    /// Either format: a binary list starts with a little-endian u32 PCR number, so its second to fourth bytes are
    /// zero, which no text line has.
    /// </summary>
    public static IReadOnlyList<ImaEntry> Parse(ReadOnlySpan<byte> bytes, ImaLimits? limits = null, int firstIndex = 0) =>
        IsBinary(bytes) ? ParseBinary(bytes, limits, firstIndex) : ParseAscii(bytes, limits, firstIndex);

    public static bool IsBinary(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[1..4].IndexOfAnyExcept((byte)0) < 0;

    /// <summary>The binary list for the entries, as the kernel writes it.</summary>
    public static byte[] WriteBinary(IEnumerable<ImaEntry> entries) => ImaBinaryFormat.Write(entries);

    /// <summary>
    /// The ASCII list for the entries, as the kernel prints it. Throws ArgumentException for a name the text format
    /// cannot carry (a newline, or a space in an ima-sig or ima-buf name).
    /// </summary>
    public static string WriteAscii(IEnumerable<ImaEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            if (e.Path.Contains('\n') || (e.TemplateName is ImaTemplate.ImaSig or ImaTemplate.ImaBuf && e.Path.Contains(' ')))
                throw new ArgumentException($"entry {e.Index}: the name '{ImaTemplate.Printable(e.Path)}' cannot be written in the text format");
            text.Append(e.Pcr).Append(' ').Append(Convert.ToHexStringLower(e.TemplateHash)).Append(' ').Append(e.TemplateName).Append(' ');
            text.Append(e.TemplateName == ImaTemplate.Ima ? Convert.ToHexStringLower(e.FileDigest.Value) : e.FileDigest.ToString());
            text.Append(' ').Append(e.Path);
            if (e.TemplateName == ImaTemplate.ImaSig) text.Append(' ').Append(Convert.ToHexStringLower(e.Signature ?? []));
            else if (e.TemplateName == ImaTemplate.ImaBuf) text.Append(' ').Append(Convert.ToHexStringLower(e.Buffer ?? []));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static ImaLimits Checked(long length, ImaLimits? limits, int firstIndex)
    {
        limits ??= ImaLimits.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(firstIndex);
        if (length > limits.MaxListBytes) throw new ImaFormatException($"the list is {length} bytes, more than the limit of {limits.MaxListBytes}");
        return limits;
    }
}
