namespace GeoEdge.Wire.Messages;

/// <summary>
/// Bridge -> agent: the output of TPM2_MakeCredential to the host's EK, keyed on the AK name. Only
/// a TPM holding both that EK and that AK can recover the secret.
/// </summary>
public sealed record CredentialChallenge
{
    public required string HostId { get; init; }
    public required string ChallengeId { get; init; }

    /// <summary>Marshalled TPM2B_ID_OBJECT.</summary>
    public required byte[] CredentialBlob { get; init; }

    /// <summary>Marshalled TPM2B_ENCRYPTED_SECRET.</summary>
    public required byte[] EncryptedSecret { get; init; }
}
