using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// KDFe (Part 1, Annex C.6.1): the SP 800-56A concatenation KDF the TPM uses after ECDH.
/// K(i) = H([i]_32 || Z || Use || PartyUInfo || PartyVInfo), i from 1, concatenated and truncated
/// to <c>bits</c>. Use is the label with its NUL; Z is the x coordinate of the shared point.
/// </summary>
public static class Kdfe
{
    public static byte[] Derive(TpmAlgId hashAlg, ReadOnlySpan<byte> z, string label,
        ReadOnlySpan<byte> partyUInfo, ReadOnlySpan<byte> partyVInfo, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bits);
        var labelBytes = KdfLabel.Encode(label);
        var digestSize = TpmHash.DigestSize(hashAlg);
        var bytes = (bits + 7) / 8;
        var output = new byte[(bytes + digestSize - 1) / digestSize * digestSize];

        using var hash = IncrementalHash.CreateHash(TpmHash.Name(hashAlg));
        Span<byte> counter = stackalloc byte[4];
        for (var i = 1; (i - 1) * digestSize < bytes; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counter, (uint)i);
            hash.AppendData(counter);
            hash.AppendData(z);
            hash.AppendData(labelBytes);
            hash.AppendData(partyUInfo);
            hash.AppendData(partyVInfo);
            hash.GetHashAndReset(output.AsSpan((i - 1) * digestSize, digestSize));
        }
        return KdfLabel.Truncate(output, bits);
    }
}
