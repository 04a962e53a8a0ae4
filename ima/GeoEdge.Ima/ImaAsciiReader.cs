using System.Text;

namespace GeoEdge.Ima;

/// <summary>
/// Reads /sys/kernel/security/ima/ascii_runtime_measurements: "PCR TEMPLATE-HASH TEMPLATE FIELDS..." per line, and
/// rebuilds each entry's template data the way the kernel built it, so the template hash is checkable from text too.
/// Field splitting follows what the kernel prints: names carry no spaces in the ima-sig and ima-buf templates
/// (the kernel turns them into '_'), and the last field of those two may be empty (the line then ends in a space;
/// a missing trailing space, as an editor leaves it, reads the same).
/// </summary>
internal static class ImaAsciiReader
{
    public static List<ImaEntry> Read(ReadOnlySpan<byte> text, ImaLimits limits, int firstIndex)
    {
        var entries = new List<ImaEntry>(Math.Min(limits.MaxEntries, text.Length / 96 + 1));
        var line = 0;
        var offset = 0;
        while (offset < text.Length)
        {
            line++;
            var rest = text[offset..];
            var newline = rest.IndexOf((byte)'\n');
            var content = newline < 0 ? rest : rest[..newline];
            var lineStart = offset;
            offset += newline < 0 ? rest.Length : newline + 1;
            if (content.Length > limits.MaxLineBytes)
                throw new ImaFormatException($"line is {content.Length} bytes, more than the limit of {limits.MaxLineBytes}", line, null, lineStart);
            if (content.Length > 0 && content[^1] == '\r') content = content[..^1];
            if (content.Trim((byte)' ').IsEmpty) continue;
            var index = firstIndex + entries.Count;
            if (entries.Count >= limits.MaxEntries)
                throw new ImaFormatException($"more than {limits.MaxEntries} entries", line, index, lineStart);
            try
            {
                entries.Add(ParseLine(content, index, limits));
            }
            catch (ImaFormatException e)
            {
                throw new ImaFormatException(e.Problem, line, index, lineStart);
            }
        }
        return entries;
    }

    private static ImaEntry ParseLine(ReadOnlySpan<byte> line, int index, ImaLimits limits)
    {
        if (line.Contains((byte)0)) throw new ImaFormatException("a text line contains a NUL byte");
        var pcrToken = Token(ref line, "PCR");
        if (pcrToken.Length is 0 or > 9 || pcrToken.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            throw new ImaFormatException($"PCR '{Shown(pcrToken)}' is not a decimal number");
        var pcr = int.Parse(Encoding.ASCII.GetString(pcrToken), System.Globalization.CultureInfo.InvariantCulture);
        var hashToken = Token(ref line, "template hash");
        var templateHash = hashToken.Length == 40 ? Hex.TryDecode(hashToken) : null;
        if (templateHash is null) throw new ImaFormatException($"template hash '{Shown(hashToken)}' is not 40 hex digits (SHA-1)");
        var templateToken = Token(ref line, "template name");
        var template = ImaTemplate.Known(templateToken) ?? throw ImaTemplate.Unsupported(Encoding.UTF8.GetString(templateToken));

        ImaDigest digest;
        string path;
        byte[]? signature = null, buffer = null;
        if (template == ImaTemplate.Ima)
        {
            var digestToken = Token(ref line, "file digest");
            var value = digestToken.Length == 40 ? Hex.TryDecode(digestToken) : null;
            digest = new ImaDigest("sha1", value ?? throw new ImaFormatException($"'ima' digest '{Shown(digestToken)}' is not 40 hex digits"));
            path = Encoding.UTF8.GetString(line);
        }
        else
        {
            digest = ParseDigest(Token(ref line, "file digest"));
            if (template == ImaTemplate.ImaNg) path = Encoding.UTF8.GetString(line);
            else
            {
                var space = line.IndexOf((byte)' ');
                path = Encoding.UTF8.GetString(space < 0 ? line : line[..space]);
                var last = space < 0 ? [] : line[(space + 1)..];
                if (last.Length > 2 * limits.MaxTemplateDataBytes)
                    throw new ImaFormatException($"{template} field is {last.Length / 2} bytes, more than the limit of {limits.MaxTemplateDataBytes}");
                var bytes = Hex.TryDecode(last) ?? throw new ImaFormatException($"{(template == ImaTemplate.ImaSig ? "signature" : "buffer")} '{Shown(last)}' is not hex");
                if (template == ImaTemplate.ImaSig) signature = bytes.Length == 0 ? null : bytes;
                else buffer = bytes;
            }
        }
        var data = ImaTemplate.Encode(template, digest, path, signature, buffer);
        if (data.Length > limits.MaxTemplateDataBytes)
            throw new ImaFormatException($"template data is {data.Length} bytes, more than the limit of {limits.MaxTemplateDataBytes}");
        return new ImaEntry(index, pcr, templateHash, template, data, digest, path, signature, buffer);
    }

    private static ImaDigest ParseDigest(ReadOnlySpan<byte> token)
    {
        var colon = token.IndexOf((byte)':');
        if (colon <= 0) throw new ImaFormatException($"file digest '{Shown(token)}' is not 'algorithm:hex'");
        var algorithm = Encoding.ASCII.GetString(token[..colon]);
        var value = Hex.TryDecode(token[(colon + 1)..]) ?? throw new ImaFormatException($"file digest '{Shown(token)}' is not hex after the algorithm");
        ImaTemplate.CheckDigest(algorithm, value.Length);
        return new ImaDigest(algorithm, value);
    }

    /// <summary>The next space-separated token, which must be followed by more; the kernel separates fields with exactly one space.</summary>
    private static ReadOnlySpan<byte> Token(ref ReadOnlySpan<byte> line, string what)
    {
        var space = line.IndexOf((byte)' ');
        if (space < 0) throw new ImaFormatException($"line ends after the {what}: fields are missing (they are separated by one space)");
        var token = line[..space];
        line = line[(space + 1)..];
        return token;
    }

    private static string Shown(ReadOnlySpan<byte> bytes) =>
        ImaTemplate.Printable(Encoding.UTF8.GetString(bytes.Length > 80 ? bytes[..80] : bytes));
}
