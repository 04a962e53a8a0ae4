namespace GeoEdge.Wire.Messages;

/// <summary>
/// Agent -> bridge each cycle. <see cref="Reading"/> holds the exact canonical bytes that were
/// hashed into the quote's qualifying data, so the bridge hashes what it received and never has to
/// re-create an encoding.
/// </summary>
public sealed record AttestedReading
{
    /// <summary>Canonical JSON of <see cref="Readings.Reading"/> (see CanonicalReading).</summary>
    public required byte[] Reading { get; init; }

    /// <summary>TPMS_ATTEST of TPM2_Quote.</summary>
    public required byte[] QuoteAttest { get; init; }

    /// <summary>TPMT_SIGNATURE over <see cref="QuoteAttest"/> by the AK.</summary>
    public required byte[] QuoteSignature { get; init; }

    /// <summary>The PCR bank quoted, e.g. "sha256".</summary>
    public required string PcrBank { get; init; }

    /// <summary>PCR index -> value, as read right before the quote.</summary>
    public required Dictionary<int, byte[]> Pcrs { get; init; }
}
