namespace GeoEdge.Wire.Messages;

/// <summary>
/// Agent -> local workloads (GET /v1/residency on the agent's Unix socket): the bridge's latest result
/// for this host, countersigned by the host's TPM. The quote's qualifying data is SHA-256 of the exact
/// ASCII bytes of <see cref="Ear"/>, so the AK that the bridge registered for the host vouches that the
/// EAR was held on this host at the quote's TPM time. Quote members carry the names and encodings of
/// <see cref="AttestedReading"/>, so one vocabulary (and one verifier) serves both.
/// </summary>
public sealed record ResidencyProof
{
    public required string HostId { get; init; }

    /// <summary>Sequence number of the reading the EAR judged (the result message's).</summary>
    public required ulong Seq { get; init; }

    /// <summary>The EAR exactly as the bridge published it: a compact ES256 JWS.</summary>
    public required string Ear { get; init; }

    /// <summary>Lower-case hex SHA-256 of the ASCII bytes of <see cref="Ear"/>: the quote's extraData.</summary>
    public required string EarSha256 { get; init; }

    /// <summary>TPMS_ATTEST of TPM2_Quote.</summary>
    public required byte[] QuoteAttest { get; init; }

    /// <summary>TPMT_SIGNATURE over <see cref="QuoteAttest"/> by the AK.</summary>
    public required byte[] QuoteSignature { get; init; }

    /// <summary>The PCR bank quoted, e.g. "sha256".</summary>
    public required string PcrBank { get; init; }

    /// <summary>PCR index -> value, as read right before the quote.</summary>
    public required Dictionary<int, byte[]> Pcrs { get; init; }

    /// <summary>Lower-case hex Name of the AK (nameAlg || H(TPMT_PUBLIC)), as the bridge's API shows it.</summary>
    public required string AkName { get; init; }

    /// <summary>TPM2B_PUBLIC of the AK.</summary>
    public required byte[] AkPublic { get; init; }

    /// <summary>When the agent made the quote (host clock; the TPM clock is inside the quote).</summary>
    public required DateTimeOffset CountersignedAt { get; init; }
}
