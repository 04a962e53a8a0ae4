using System.Buffers.Binary;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// Parses the contents of a signature database variable: a sequence of EFI_SIGNATURE_LIST (UEFI 2.10,
/// section 32.4.1), each a type GUID, sizes, an optional header and fixed-size EFI_SIGNATURE_DATA entries.
/// </summary>
public static class EfiSignatureList
{
    private const int ListHeaderSize = 16 + 4 + 4 + 4;

    /// <summary>Every signature of every list, in order. Throws <see cref="FormatException"/> when the sizes do not add up.</summary>
    public static IReadOnlyList<EfiSignature> Parse(ReadOnlySpan<byte> data)
    {
        var signatures = new List<EfiSignature>();
        var offset = 0;
        while (offset < data.Length)
        {
            var list = data[offset..];
            if (list.Length < ListHeaderSize)
                throw new FormatException($"signature list at offset {offset}: {list.Length} bytes left, the header needs {ListHeaderSize}");
            var type = new Guid(list[..16]);
            var listSize = BinaryPrimitives.ReadUInt32LittleEndian(list[16..]);
            var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(list[20..]);
            var signatureSize = BinaryPrimitives.ReadUInt32LittleEndian(list[24..]);
            if (listSize < ListHeaderSize || listSize > list.Length)
                throw new FormatException($"signature list at offset {offset}: SignatureListSize {listSize} does not fit the {list.Length} bytes left");
            if (signatureSize < 16)
                throw new FormatException($"signature list at offset {offset}: SignatureSize {signatureSize} is smaller than the owner GUID");
            var body = (long)listSize - ListHeaderSize - headerSize;
            if (body < 0 || body % signatureSize != 0)
                throw new FormatException($"signature list at offset {offset}: {body} bytes of signatures are not a multiple of SignatureSize {signatureSize}");
            var entries = list.Slice(ListHeaderSize + (int)headerSize, (int)body);
            for (var at = 0; at < entries.Length; at += (int)signatureSize)
            {
                var entry = entries.Slice(at, (int)signatureSize);
                signatures.Add(new EfiSignature(type, new Guid(entry[..16]), entry[16..].ToArray()));
            }
            offset += (int)listSize;
        }
        return signatures;
    }
}
