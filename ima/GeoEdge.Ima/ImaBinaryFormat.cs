using System.Buffers.Binary;
using System.Text;

namespace GeoEdge.Ima;

/// <summary>
/// /sys/kernel/security/ima/binary_runtime_measurements (little-endian, as ima_canonical_fmt writes it): per entry
/// u32 PCR, 20-byte template hash, u32 template-name length and the name, then u32 template-data length and the
/// data. The old "ima" template is written without the data length, as the 20-byte digest, a u32 name length and
/// the name without its NUL (security/integrity/ima/ima_fs.c), while its hash covers the name padded to 256 bytes.
/// </summary>
internal static class ImaBinaryFormat
{
    private const int TemplateHashBytes = 20;

    /// <summary>Template names are short (IMA_TEMPLATE_NAME_LEN_MAX is 15); anything long is not a list.</summary>
    private const int MaxTemplateNameBytes = 64;

    public static List<ImaEntry> Read(ReadOnlySpan<byte> bytes, ImaLimits limits, int firstIndex)
    {
        var entries = new List<ImaEntry>(Math.Min(limits.MaxEntries, bytes.Length / 96 + 1));
        var offset = 0;
        while (offset < bytes.Length)
        {
            var index = firstIndex + entries.Count;
            if (entries.Count >= limits.MaxEntries) throw new ImaFormatException($"more than {limits.MaxEntries} entries", null, index, offset);
            var start = offset;
            try
            {
                entries.Add(ReadEntry(bytes, ref offset, index, limits));
            }
            catch (ImaFormatException e)
            {
                throw new ImaFormatException(e.Problem, null, index, start);
            }
        }
        return entries;
    }

    private static ImaEntry ReadEntry(ReadOnlySpan<byte> bytes, ref int offset, int index, ImaLimits limits)
    {
        var reader = new Reader(bytes, offset);
        var pcr = reader.U32("PCR");
        if (pcr > int.MaxValue) throw new ImaFormatException($"PCR {pcr} is out of range");
        var templateHash = reader.Bytes(TemplateHashBytes, "template hash").ToArray();
        var nameLength = reader.U32("template name length");
        if (nameLength is 0 or > MaxTemplateNameBytes) throw new ImaFormatException($"template name length {nameLength} is not 1..{MaxTemplateNameBytes}");
        var nameBytes = reader.Bytes((int)nameLength, "template name");
        var template = ImaTemplate.Known(nameBytes) ?? throw ImaTemplate.Unsupported(Encoding.UTF8.GetString(nameBytes));
        byte[] data;
        if (template == ImaTemplate.Ima)
        {
            data = new byte[ImaTemplate.LegacyDataBytes];
            reader.Bytes(ImaTemplate.LegacyDigestBytes, "'ima' digest").CopyTo(data);
            var length = reader.U32("'ima' name length");
            if (length >= ImaTemplate.LegacyNameBytes) throw new ImaFormatException($"'ima' name length {length} exceeds {ImaTemplate.LegacyNameBytes - 1}");
            var name = reader.Bytes((int)length, "'ima' name");
            if (name.Contains((byte)0)) throw new ImaFormatException("the 'ima' name contains a NUL byte");
            name.CopyTo(data.AsSpan(ImaTemplate.LegacyDigestBytes));
        }
        else
        {
            var length = reader.U32("template data length");
            if (length > (uint)limits.MaxTemplateDataBytes)
                throw new ImaFormatException($"template data length {length} exceeds the limit of {limits.MaxTemplateDataBytes}");
            data = reader.Bytes((int)length, "template data").ToArray();
        }
        var (digest, path, signature, buffer) = ImaTemplate.Decode(template, data);
        offset = reader.Offset;
        return new ImaEntry(index, (int)pcr, templateHash, template, data, digest, path, signature, buffer);
    }

    public static byte[] Write(IEnumerable<ImaEntry> entries)
    {
        using var stream = new MemoryStream();
        var u32 = new byte[4];
        void U32(int value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(u32, (uint)value);
            stream.Write(u32);
        }
        foreach (var e in entries)
        {
            if (!ImaTemplate.IsKnown(e.TemplateName)) throw new ArgumentException($"entry {e.Index}: {ImaTemplate.Unsupported(e.TemplateName).Message}");
            if (e.TemplateHash.Length != TemplateHashBytes) throw new ArgumentException($"entry {e.Index}: the template hash must be {TemplateHashBytes} bytes (SHA-1)");
            U32(e.Pcr);
            stream.Write(e.TemplateHash);
            U32(Encoding.ASCII.GetByteCount(e.TemplateName));
            stream.Write(Encoding.ASCII.GetBytes(e.TemplateName));
            if (e.TemplateName == ImaTemplate.Ima)
            {
                if (e.TemplateData.Length != ImaTemplate.LegacyDataBytes)
                    throw new ArgumentException($"entry {e.Index}: 'ima' template data must be {ImaTemplate.LegacyDataBytes} bytes");
                stream.Write(e.TemplateData, 0, ImaTemplate.LegacyDigestBytes);
                var name = e.TemplateData.AsSpan(ImaTemplate.LegacyDigestBytes);
                var end = name.IndexOf((byte)0);
                name = end < 0 ? name : name[..end];
                U32(name.Length);
                stream.Write(name);
            }
            else
            {
                U32(e.TemplateData.Length);
                stream.Write(e.TemplateData);
            }
        }
        return stream.ToArray();
    }

    /// <summary>Bounds-checked little-endian reads that name the field that ran out.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes, int offset)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Offset { get; private set; } = offset;

        public uint U32(string field) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4, field));

        public ReadOnlySpan<byte> Bytes(int count, string field)
        {
            if (count > _bytes.Length - Offset)
                throw new ImaFormatException($"truncated: the {field} needs {count} bytes but only {_bytes.Length - Offset} remain");
            var value = _bytes.Slice(Offset, count);
            Offset += count;
            return value;
        }
    }
}
