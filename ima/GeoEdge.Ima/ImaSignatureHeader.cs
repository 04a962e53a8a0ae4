using System.Buffers.Binary;

namespace GeoEdge.Ima;

/// <summary>
/// struct signature_v2_hdr (security/integrity/integrity.h), big-endian: type (3 = EVM_IMA_XATTR_DIGSIG, 5 =
/// EVM_XATTR_PORTABLE_DIGSIG), version 2, hash_algo (the kernel's enum hash_algo), keyid (u32), sig_size (u16),
/// then sig_size bytes of signature.
/// </summary>
internal readonly record struct ImaSignatureHeader(byte Type, byte Version, string HashAlgorithm, uint KeyId, int Offset)
{
    public const int Size = 9;

    /// <summary>The header of a signature field; null with the reason when it is malformed.</summary>
    public static ImaSignatureHeader? TryRead(ReadOnlySpan<byte> signature, out string problem)
    {
        problem = "";
        if (signature.Length < 2)
        {
            problem = $"the signature is {signature.Length} bytes, too short for a header";
            return null;
        }
        if (signature[0] is not (3 or 5))
        {
            problem = $"signature type {signature[0]} is not a digital signature (3 or 5)";
            return null;
        }
        if (signature[1] != 2)
        {
            problem = $"signature version {signature[1]} is not supported (2)";
            return null;
        }
        if (signature.Length < Size)
        {
            problem = $"the signature is {signature.Length} bytes, shorter than its {Size}-byte v2 header";
            return null;
        }
        var algorithm = ImaHashAlgorithms.NameOf(signature[2]);
        if (algorithm is null)
        {
            problem = $"hash algorithm {signature[2]} is not one the kernel knows";
            return null;
        }
        var size = BinaryPrimitives.ReadUInt16BigEndian(signature[7..]);
        if (size != signature.Length - Size)
        {
            problem = $"malformed signature: the header says {size} (0x{size:x4}) bytes follow but {signature.Length - Size} do";
            return null;
        }
        return new ImaSignatureHeader(signature[0], signature[1], algorithm, BinaryPrimitives.ReadUInt32BigEndian(signature[3..]), Size);
    }
}
