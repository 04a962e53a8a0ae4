using System.Security.Cryptography;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// AES-CMAC (RFC 4493; NIST SP 800-38B for 192/256-bit keys). .NET has no CMAC, so it is built on single-block
/// AES-ECB: the subkeys K1/K2 come from doubling E_K(0) in GF(2^128), and the last block is XORed with K1
/// (complete) or padded 10* and XORed with K2 (incomplete or empty message).
/// </summary>
public static class AesCmac
{
    private const int BlockSize = 16;
    private const byte Rb = 0x87;

    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        if (key.Length is not (16 or 24 or 32))
            throw new ArgumentException($"AES keys are 128, 192 or 256 bits, got {key.Length * 8}.", nameof(key));
        using var aes = Aes.Create();
        aes.Key = key.ToArray();

        Span<byte> l = stackalloc byte[BlockSize];
        aes.EncryptEcb(new byte[BlockSize], l, PaddingMode.None);
        Span<byte> k1 = stackalloc byte[BlockSize];
        Span<byte> k2 = stackalloc byte[BlockSize];
        Double(l, k1);
        Double(k1, k2);

        var blockCount = Math.Max(1, (message.Length + BlockSize - 1) / BlockSize);
        var lastIsComplete = message.Length > 0 && message.Length % BlockSize == 0;

        Span<byte> x = stackalloc byte[BlockSize];
        Span<byte> y = stackalloc byte[BlockSize];
        for (var i = 0; i < blockCount - 1; i++)
        {
            Xor(x, message.Slice(i * BlockSize, BlockSize), y);
            aes.EncryptEcb(y, x, PaddingMode.None);
        }

        Span<byte> last = stackalloc byte[BlockSize];
        var tail = message[((blockCount - 1) * BlockSize)..];
        if (lastIsComplete)
        {
            Xor(tail, k1, last);
        }
        else
        {
            last.Clear();
            tail.CopyTo(last);
            last[tail.Length] = 0x80;
            Xor(last, k2, last);
        }
        Xor(x, last, y);
        var mac = new byte[BlockSize];
        aes.EncryptEcb(y, mac, PaddingMode.None);
        return mac;
    }

    /// <summary>Multiplication by x in GF(2^128): shift left one bit, fold the carry back with Rb.</summary>
    private static void Double(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var carry = (input[0] & 0x80) != 0;
        for (var i = 0; i < BlockSize - 1; i++)
            output[i] = (byte)((input[i] << 1) | (input[i + 1] >> 7));
        output[BlockSize - 1] = (byte)(input[BlockSize - 1] << 1);
        if (carry) output[BlockSize - 1] ^= Rb;
    }

    private static void Xor(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> result)
    {
        for (var i = 0; i < BlockSize; i++) result[i] = (byte)(a[i] ^ b[i]);
    }
}
