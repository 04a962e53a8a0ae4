using System.Buffers.Binary;

namespace GeoEdge.Drivers.Tpm.Tests.Parsing;

/// <summary>
/// Just enough of TPM2B_PUBLIC for the tests (the real codecs live in the wire contract): type,
/// nameAlg, attributes, authPolicy, and the public key (RSA modulus or ECC point).
/// </summary>
public sealed record TpmPublicArea(ushort Type, ushort NameAlg, uint Attributes, byte[] AuthPolicy,
    ushort CurveId, ushort SchemeAlg, byte[] RsaModulus, byte[] EccX, byte[] EccY)
{
    public static TpmPublicArea Parse(ReadOnlySpan<byte> tpm2bPublic)
    {
        var r = new Cursor(tpm2bPublic);
        var size = r.U16();
        Assert.Equal(tpm2bPublic.Length - 2, size);
        var type = r.U16();
        var nameAlg = r.U16();
        var attributes = r.U32();
        var policy = r.Sized();
        var symmetric = r.U16();
        if (symmetric != 0x0010) { r.U16(); r.U16(); }
        var scheme = r.U16();
        if (scheme != 0x0010) r.U16();
        if (type == 0x0001)
        {
            r.U16(); // keyBits
            r.U32(); // exponent
            var modulus = r.Sized();
            Assert.Equal(0, r.Remaining);
            return new TpmPublicArea(type, nameAlg, attributes, policy, 0, scheme, modulus, [], []);
        }
        Assert.Equal(0x0023, type);
        var curve = r.U16();
        var kdf = r.U16();
        if (kdf != 0x0010) r.U16();
        var x = r.Sized();
        var y = r.Sized();
        Assert.Equal(0, r.Remaining);
        return new TpmPublicArea(type, nameAlg, attributes, policy, curve, scheme, [], x, y);
    }
}

/// <summary>A big-endian cursor for the test parsers; a short buffer fails the test.</summary>
public ref struct Cursor(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> _rest = data;

    public readonly int Remaining => _rest.Length;

    public ushort U16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));
    public uint U32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));
    public ulong U64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));
    public byte U8() => Take(1)[0];
    public byte[] Sized() => Take(U16()).ToArray();
    public byte[] Bytes(int count) => Take(count).ToArray();

    private ReadOnlySpan<byte> Take(int count)
    {
        Assert.True(count <= _rest.Length, $"needs {count} bytes, {_rest.Length} left");
        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }
}
