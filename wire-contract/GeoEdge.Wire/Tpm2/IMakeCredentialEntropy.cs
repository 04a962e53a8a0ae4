using System.Security.Cryptography;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// The randomness MakeCredential consumes, injectable so tests can fix it. Production uses
/// <see cref="SystemMakeCredentialEntropy"/>; nothing else should be used outside tests.
/// </summary>
public interface IMakeCredentialEntropy
{
    /// <summary>Fills the seed that an RSA EK receives OAEP-encrypted.</summary>
    void FillSeed(Span<byte> seed);

    /// <summary>A fresh ephemeral key pair on the ECC EK's curve; MakeCredential disposes it.</summary>
    ECDiffieHellman CreateEphemeralKey(ECCurve curve);
}

/// <summary>The operating system's CSPRNG and key generation.</summary>
public sealed class SystemMakeCredentialEntropy : IMakeCredentialEntropy
{
    public static SystemMakeCredentialEntropy Instance { get; } = new();

    public void FillSeed(Span<byte> seed) => RandomNumberGenerator.Fill(seed);

    public ECDiffieHellman CreateEphemeralKey(ECCurve curve) => ECDiffieHellman.Create(curve);
}
