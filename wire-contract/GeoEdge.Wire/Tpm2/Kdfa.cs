using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// KDFa (Part 1, 11.4.10.2): SP 800-108 counter-mode KDF with HMAC.
/// K(i) = HMAC_hash(key, [i]_32 || Label || 0x00 || ContextU || ContextV || [bits]_32), i from 1,
/// concatenated and truncated to <c>bits</c>.
/// </summary>
public static class Kdfa
{
    public static byte[] Derive(TpmAlgId hashAlg, ReadOnlySpan<byte> key, string label,
        ReadOnlySpan<byte> contextU, ReadOnlySpan<byte> contextV, int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bits);
        var labelBytes = KdfLabel.Encode(label);
        var digestSize = TpmHash.DigestSize(hashAlg);
        var bytes = (bits + 7) / 8;
        var output = new byte[(bytes + digestSize - 1) / digestSize * digestSize];

        using var hmac = IncrementalHash.CreateHMAC(TpmHash.Name(hashAlg), key);
        Span<byte> counter = stackalloc byte[4];
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bits);
        for (var i = 1; (i - 1) * digestSize < bytes; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counter, (uint)i);
            hmac.AppendData(counter);
            hmac.AppendData(labelBytes);
            hmac.AppendData(contextU);
            hmac.AppendData(contextV);
            hmac.AppendData(length);
            hmac.GetHashAndReset(output.AsSpan((i - 1) * digestSize, digestSize));
        }
        return KdfLabel.Truncate(output, bits);
    }
}
