using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// AES in full-block (128-bit) CFB mode with a zero IV, the TPM's parameter and credential
/// encryption (Part 1, 24 and the CFB mode of 11.4.6). The last block may be partial and is not padded, which
/// .NET's CFB with PaddingMode.None does not allow, so the feedback is run here over AES-ECB.
/// </summary>
internal static class AesCfb
{
    private const int Block = 16;

    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext) => Run(key, plaintext, encrypt: true);

    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> ciphertext) => Run(key, ciphertext, encrypt: false);

    private static byte[] Run(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input, bool encrypt)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var output = new byte[input.Length];
        Span<byte> register = stackalloc byte[Block]; // the IV is all zeros
        Span<byte> keystream = stackalloc byte[Block];
        for (var offset = 0; offset < input.Length; offset += Block)
        {
            aes.EncryptEcb(register, keystream, PaddingMode.None);
            var take = Math.Min(Block, input.Length - offset);
            for (var i = 0; i < take; i++) output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
            // The next keystream block is the encryption of this ciphertext block.
            (encrypt ? output.AsSpan(offset, take) : input.Slice(offset, take)).CopyTo(register);
        }
        return output;
    }
}
