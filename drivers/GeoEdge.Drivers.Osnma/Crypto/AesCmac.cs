using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Crypto;

/// <summary>
/// AES-CMAC (RFC 4493, NIST SP 800-38B) built on the AES block cipher in ECB mode: .NET has no CMAC.
/// The OSNMA CMAC-AES option keys it with the TESLA key, so 128, 192 and 256-bit keys are accepted.
/// </summary>
internal static class AesCmac
{
    private const int BlockSize = 16;
    private const byte Rb = 0x87; // the constant for 128-bit blocks (RFC 4493 section 2.3)

    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        if (key.Length is not (16 or 24 or 32))
            throw new ArgumentException($"CMAC-AES needs a 128, 192 or 256-bit key, got {key.Length * 8} bits.", nameof(key));
        using var aes = Aes.Create();
        aes.Key = key.ToArray();

        Span<byte> k1 = stackalloc byte[BlockSize];
        Span<byte> k2 = stackalloc byte[BlockSize];
        Span<byte> zero = stackalloc byte[BlockSize];
        zero.Clear();
        Span<byte> l = stackalloc byte[BlockSize];
        aes.EncryptEcb(zero, l, PaddingMode.None);
        DoubleInField(l, k1);
        DoubleInField(k1, k2);

        // n blocks; the last one is complete (xor K1) or padded with 10* (xor K2). An empty message is one padded block.
        var blocks = Math.Max(1, (message.Length + BlockSize - 1) / BlockSize);
        var lastComplete = message.Length > 0 && message.Length % BlockSize == 0;

        Span<byte> x = stackalloc byte[BlockSize];
        x.Clear();
        Span<byte> y = stackalloc byte[BlockSize];
        for (var i = 0; i < blocks - 1; i++)
        {
            var block = message.Slice(i * BlockSize, BlockSize);
            for (var j = 0; j < BlockSize; j++) y[j] = (byte)(x[j] ^ block[j]);
            aes.EncryptEcb(y, x, PaddingMode.None);
        }

        Span<byte> last = stackalloc byte[BlockSize];
        last.Clear();
        var tail = message[((blocks - 1) * BlockSize)..];
        tail.CopyTo(last);
        if (lastComplete)
        {
            for (var j = 0; j < BlockSize; j++) last[j] ^= k1[j];
        }
        else
        {
            last[tail.Length] = 0x80;
            for (var j = 0; j < BlockSize; j++) last[j] ^= k2[j];
        }
        for (var j = 0; j < BlockSize; j++) y[j] = (byte)(x[j] ^ last[j]);
        var tag = new byte[BlockSize];
        aes.EncryptEcb(y, tag, PaddingMode.None);
        return tag;
    }

    /// <summary>Multiplication by x in GF(2^128): shift left one bit, xor Rb into the last byte if the top bit fell off.</summary>
    private static void DoubleInField(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var carry = 0;
        for (var i = BlockSize - 1; i >= 0; i--)
        {
            var b = input[i];
            output[i] = (byte)((b << 1) | carry);
            carry = b >> 7;
        }
        if ((input[0] & 0x80) != 0) output[BlockSize - 1] ^= Rb;
    }
}
