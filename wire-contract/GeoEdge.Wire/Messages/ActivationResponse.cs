namespace GeoEdge.Wire.Messages;

/// <summary>Agent -> bridge: the secret TPM2_ActivateCredential recovered from the challenge.</summary>
public sealed record ActivationResponse
{
    public required string HostId { get; init; }
    public required string ChallengeId { get; init; }
    public required byte[] Secret { get; init; }
}
