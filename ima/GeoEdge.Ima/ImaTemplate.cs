using System.Buffers.Binary;
using System.Text;

namespace GeoEdge.Ima;

/// <summary>
/// The four templates the kernel ships and how their fields are laid out in template data
/// (security/integrity/ima/ima_template_lib.c): every field is a little-endian u32 length and the bytes, except in
/// the old "ima" template, which hashes a bare 20-byte digest and a name padded with zeros to 256 bytes.
/// d-ng is "algo:" NUL digest; n-ng is the name and a NUL.
/// </summary>
internal static class ImaTemplate
{
    public const string Ima = "ima";
    public const string ImaNg = "ima-ng";
    public const string ImaSig = "ima-sig";
    public const string ImaBuf = "ima-buf";

    /// <summary>IMA_EVENT_NAME_LEN_MAX + 1: the fixed size of the "ima" template's name.</summary>
    public const int LegacyNameBytes = 256;
    public const int LegacyDigestBytes = 20;
    public const int LegacyDataBytes = LegacyDigestBytes + LegacyNameBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static bool IsKnown(string name) => name is Ima or ImaNg or ImaSig or ImaBuf;

    public static string? Known(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("ima"u8) => Ima,
        _ when name.SequenceEqual("ima-ng"u8) => ImaNg,
        _ when name.SequenceEqual("ima-sig"u8) => ImaSig,
        _ when name.SequenceEqual("ima-buf"u8) => ImaBuf,
        _ => null,
    };

    public static ImaFormatException Unsupported(string name) =>
        new($"template '{Printable(name)}' is not supported (ima, ima-ng, ima-sig, ima-buf)");

    /// <summary>Template data for the fields, as the kernel builds it. Throws ImaFormatException without a location.</summary>
    public static byte[] Encode(string template, ImaDigest digest, string path, byte[]? signature, byte[]? buffer)
    {
        var name = Encoding.UTF8.GetBytes(path);
        if (name.AsSpan().Contains((byte)0)) throw new ImaFormatException("the file name contains a NUL byte");
        if (template == Ima)
        {
            if (digest.Value.Length != LegacyDigestBytes)
                throw new ImaFormatException($"the 'ima' template carries a 20-byte SHA-1 digest, got {digest.Value.Length} bytes");
            if (name.Length >= LegacyNameBytes)
                throw new ImaFormatException($"the 'ima' template holds names up to {LegacyNameBytes - 1} bytes, got {name.Length}");
            var legacy = new byte[LegacyDataBytes];
            digest.Value.CopyTo(legacy, 0);
            name.CopyTo(legacy, LegacyDigestBytes);
            return legacy;
        }
        if (!IsKnown(template)) throw Unsupported(template);
        CheckDigest(digest.Algorithm, digest.Value.Length);
        var algorithm = Encoding.ASCII.GetBytes(digest.Algorithm);
        var last = template switch { ImaSig => signature ?? [], ImaBuf => buffer ?? [], _ => null };
        var size = 4 + algorithm.Length + 2 + digest.Value.Length + 4 + name.Length + 1 + (last is null ? 0 : 4 + last.Length);
        var data = new byte[size];
        var at = 0;
        void Field(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at), (uint)(a.Length + b.Length + c.Length));
            at += 4;
            a.CopyTo(data.AsSpan(at));
            b.CopyTo(data.AsSpan(at += a.Length));
            c.CopyTo(data.AsSpan(at += b.Length));
            at += c.Length;
        }
        Field(algorithm, ":\0"u8, digest.Value);
        Field(name, "\0"u8, []);
        if (last is not null) Field(last, [], []);
        return data;
    }

    /// <summary>The fields of template data. Throws ImaFormatException without a location.</summary>
    public static (ImaDigest Digest, string Path, byte[]? Signature, byte[]? Buffer) Decode(string template, ReadOnlySpan<byte> data)
    {
        if (template == Ima)
        {
            if (data.Length != LegacyDataBytes)
                throw new ImaFormatException($"'ima' template data must be {LegacyDataBytes} bytes, got {data.Length}");
            var padded = data[LegacyDigestBytes..];
            var end = padded.IndexOf((byte)0);
            if (end < 0) throw new ImaFormatException("the 'ima' template name is not NUL-terminated");
            if (padded[end..].ContainsAnyExcept((byte)0)) throw new ImaFormatException("the 'ima' template name padding is not all zero");
            return (new ImaDigest("sha1", data[..LegacyDigestBytes].ToArray()), Text(padded[..end]), null, null);
        }
        if (!IsKnown(template)) throw Unsupported(template);
        var rest = data;
        var digest = ParseDigestField(NextField(ref rest, "d-ng"));
        var nameField = NextField(ref rest, "n-ng");
        if (nameField.Length == 0 || nameField[^1] != 0) throw new ImaFormatException("the n-ng name field is not NUL-terminated");
        if (nameField[..^1].Contains((byte)0)) throw new ImaFormatException("the n-ng name field contains a NUL before its end");
        var path = Text(nameField[..^1]);
        byte[]? signature = null, buffer = null;
        if (template == ImaSig)
        {
            var sig = NextField(ref rest, "sig");
            signature = sig.Length == 0 ? null : sig.ToArray();
        }
        else if (template == ImaBuf) buffer = NextField(ref rest, "buf").ToArray();
        if (!rest.IsEmpty) throw new ImaFormatException($"{rest.Length} bytes after the last field of the {template} template");
        return (digest, path, signature, buffer);
    }

    /// <summary>Checks a digest's algorithm is a kernel algorithm and its length is that algorithm's.</summary>
    public static void CheckDigest(string algorithm, int length)
    {
        var size = ImaHashAlgorithms.DigestSize(algorithm)
            ?? throw new ImaFormatException($"digest algorithm '{Printable(algorithm)}' is not one the kernel knows");
        if (size != length) throw new ImaFormatException($"a {algorithm} digest is {size} bytes, got {length}");
    }

    private static ReadOnlySpan<byte> NextField(ref ReadOnlySpan<byte> rest, string field)
    {
        if (rest.Length < 4) throw new ImaFormatException($"template data ends before the {field} field's length");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(rest);
        if (length > (uint)(rest.Length - 4))
            throw new ImaFormatException($"the {field} field claims {length} bytes but only {rest.Length - 4} remain");
        var value = rest.Slice(4, (int)length);
        rest = rest[(4 + (int)length)..];
        return value;
    }

    private static ImaDigest ParseDigestField(ReadOnlySpan<byte> field)
    {
        var colon = field.IndexOf(":\0"u8);
        if (colon <= 0 || colon > 32) throw new ImaFormatException("the d-ng field has no 'algorithm:' NUL prefix");
        var algorithm = Encoding.ASCII.GetString(field[..colon]);
        var value = field[(colon + 2)..];
        CheckDigest(algorithm, value.Length);
        return new ImaDigest(algorithm, value.ToArray());
    }

    /// <summary>File names are bytes to the kernel; invalid UTF-8 is shown with replacement characters.</summary>
    private static string Text(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.UTF8.GetString(bytes);
        }
    }

    /// <summary>A value quoted in an error message: bounded, control characters escaped.</summary>
    public static string Printable(string value)
    {
        var shown = value.Length > 64 ? value[..64] + "..." : value;
        var builder = new StringBuilder(shown.Length);
        foreach (var c in shown) builder.Append(char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString());
        return builder.ToString();
    }
}
