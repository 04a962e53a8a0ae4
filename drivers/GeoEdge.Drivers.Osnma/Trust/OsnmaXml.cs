using System.Xml;
using System.Xml.Linq;

namespace GeoEdge.Drivers.Osnma.Trust;

/// <summary>Safe XML loading for the GSC files: no DTDs, no external resolution, bounded size.</summary>
internal static class OsnmaXml
{
    public const int MaxFileBytes = 1024 * 1024;

    public static XDocument Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new OsnmaFormatException(path, "file does not exist");
        if (info.Length > MaxFileBytes) throw new OsnmaFormatException(path, $"{info.Length} bytes is more than the {MaxFileBytes} an OSNMA XML file can be");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxFileBytes,
        };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new OsnmaFormatException(path, $"not well-formed XML: {e.Message}");
        }
    }

    /// <summary>Some GSC files have no single root element (bare PKID/point elements): wrap them before parsing.</summary>
    public static XDocument LoadFragment(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new OsnmaFormatException(path, "file does not exist");
        if (info.Length > MaxFileBytes) throw new OsnmaFormatException(path, $"{info.Length} bytes is too large");
        var text = File.ReadAllText(path);
        var body = text.TrimStart().StartsWith("<?xml", StringComparison.Ordinal) ? text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..] : text;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxFileBytes };
        try
        {
            using var reader = XmlReader.Create(new StringReader("<fragment>" + body + "</fragment>"), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new OsnmaFormatException(path, $"not well-formed XML: {e.Message}");
        }
    }

    public static string? Text(XContainer parent, string localName) =>
        parent.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();

    public static int Int(string source, XContainer parent, string localName)
    {
        var text = Text(parent, localName) ?? throw new OsnmaFormatException(source, $"<{localName}> is missing");
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : throw new OsnmaFormatException(source, $"<{localName}> '{Clip(text)}' is not a number");
    }

    public static byte[] Hex(string source, string? text, string what, int expectedBytes)
    {
        if (text is null) throw new OsnmaFormatException(source, $"{what} is missing");
        try
        {
            var bytes = Convert.FromHexString(text);
            if (expectedBytes > 0 && bytes.Length != expectedBytes)
                throw new OsnmaFormatException(source, $"{what} is {bytes.Length} bytes, expected {expectedBytes}");
            return bytes;
        }
        catch (FormatException)
        {
            throw new OsnmaFormatException(source, $"{what} '{Clip(text)}' is not hexadecimal");
        }
    }

    private static string Clip(string s) => s.Length > 24 ? s[..24] + "..." : s;
}
