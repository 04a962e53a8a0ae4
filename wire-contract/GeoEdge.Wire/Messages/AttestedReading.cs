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

    /// <summary>
    /// The host's firmware event log (binary_bios_measurements) when the agent sends it: with its first
    /// reading, whenever the log changes, and when the bridge asks (<see cref="ResultMessage.BootLogWanted"/>).
    /// It is not part of the quoted reading: the quote's PCRs 0-7 vouch for it instead.
    /// </summary>
    public byte[]? BootLog { get; init; }

    /// <summary>Index in the host's IMA list of the first entry in <see cref="ImaEntries"/>.</summary>
    public int? ImaStart { get; init; }

    /// <summary>
    /// The IMA entries measured since the ones sent before, in the kernel's binary list format
    /// (binary_runtime_measurements), exactly as many as the quoted PCR 10 covers. The quote's PCR 10
    /// vouches for them.
    /// </summary>
    public byte[]? ImaEntries { get; init; }
}
