using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Crypto;

namespace GeoEdge.Drivers.Osnma.Messages;

/// <summary>
/// DSM-KROOT authentication (ICD 1.1 section 6.3): the length must fit the key type, the padding must be
/// P_DK = trunc(l_PDK, HF(M || DS)) with HF the chain's hash function, and DS must be the ECDSA signature of M
/// (P-256/SHA-256 or P-521/SHA-512) under the public key named by PKID.
/// </summary>
internal static class DsmKrootVerifier
{
    public static bool Verify(DsmKroot kroot, byte nmaHeader, ECDsa key, OsnmaKeyType keyType, out string failure)
    {
        if (!kroot.LengthFits(keyType))
        {
            failure = $"{kroot.BlockCount} blocks do not fit a {kroot.KeyBits}-bit KROOT with a {keyType} signature";
            return false;
        }
        if (!OsnmaFunctions.IsSupported(kroot.Hash))
        {
            failure = $"{kroot.Hash} is not supported by this platform";
            return false;
        }
        var message = kroot.SignedMessage(nmaHeader);
        var signature = kroot.Signature(keyType);
        var padding = kroot.Padding(keyType);
        var hashInput = new byte[message.Length + signature.Length];
        message.CopyTo(hashInput, 0);
        signature.CopyTo(hashInput.AsSpan(message.Length));
        Span<byte> digest = stackalloc byte[32];
        OsnmaFunctions.Hash(kroot.Hash, hashInput, digest);
        if (padding.Length > digest.Length || !padding.SequenceEqual(digest[..padding.Length]))
        {
            failure = "padding P_DK is not the truncated hash of M || DS";
            return false;
        }
        if (!OsnmaSignature.Verify(key, keyType, message, signature))
        {
            failure = $"ECDSA signature does not verify with public key {kroot.Pkid}";
            return false;
        }
        failure = "";
        return true;
    }
}
