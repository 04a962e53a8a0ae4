using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Bridge.Registrar;

/// <summary>
/// What an attestation key must be for its quotes to mean anything: generated inside the TPM,
/// unable to leave it, and restricted so it only signs digests the TPM itself produced (quotes,
/// certifications), never arbitrary data an attacker chose to look like a quote.
/// </summary>
public static class AkPolicy
{
    private static readonly (TpmObjectAttributes Flag, string Name)[] Required =
    [
        (TpmObjectAttributes.FixedTpm, "fixedTPM"),
        (TpmObjectAttributes.FixedParent, "fixedParent"),
        (TpmObjectAttributes.SensitiveDataOrigin, "sensitiveDataOrigin"),
        (TpmObjectAttributes.Restricted, "restricted"),
        (TpmObjectAttributes.Sign, "sign"),
    ];

    /// <summary>Null when acceptable; otherwise what is wrong.</summary>
    public static string? Check(TpmPublic ak)
    {
        var missing = Required.Where(r => !ak.Attributes.HasFlag(r.Flag)).Select(r => r.Name).ToList();
        if (missing.Count > 0) return $"the AK lacks the attribute(s) {string.Join(", ", missing)}";
        if (ak.Attributes.HasFlag(TpmObjectAttributes.Decrypt)) return "the AK is also a decryption key";
        return null;
    }
}
