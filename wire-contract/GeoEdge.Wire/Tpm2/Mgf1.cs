using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>MGF1 (RFC 8017, B.2.1), the mask generator of OAEP and PSS, which .NET does not expose on its own.</summary>
internal static class Mgf1
{
    /// <summary>XORs <paramref name="target"/> with MGF1(seed, target.Length).</summary>
    public static void XorMask(HashAlgorithmName hash, ReadOnlySpan<byte> seed, Span<byte> target)
    {
        using var h = IncrementalHash.CreateHash(hash);
        Span<byte> counter = stackalloc byte[4];
        var done = 0;
        for (uint i = 0; done < target.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(counter, i);
            h.AppendData(seed);
            h.AppendData(counter);
            var block = h.GetHashAndReset();
            var take = Math.Min(block.Length, target.Length - done);
            for (var j = 0; j < take; j++) target[done + j] ^= block[j];
            done += take;
        }
    }
}
