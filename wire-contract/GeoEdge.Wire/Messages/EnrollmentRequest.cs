namespace GeoEdge.Wire.Messages;

/// <summary>
/// Agent -> bridge, once per host (and after any TPM change): who the host is and the AK it wants
/// registered. TPM structures travel exactly as the TPM marshalled them.
/// </summary>
public sealed record EnrollmentRequest
{
    public required string HostId { get; init; }

    /// <summary>DER EK certificate read from TPM NV.</summary>
    public required byte[] EkCertificate { get; init; }

    /// <summary>TPM2B_PUBLIC of the EK the agent created from the TCG default template.</summary>
    public required byte[] EkPublic { get; init; }

    /// <summary>TPM2B_PUBLIC of the attestation key.</summary>
    public required byte[] AkPublic { get; init; }

    /// <summary>TPM2B_CREATION_DATA returned when the AK was created.</summary>
    public required byte[] AkCreationData { get; init; }

    /// <summary>TPMS_ATTEST of TPM2_CertifyCreation over the AK, signed by the AK itself.</summary>
    public required byte[] AkCreationAttest { get; init; }

    /// <summary>TPMT_SIGNATURE over <see cref="AkCreationAttest"/>.</summary>
    public required byte[] AkCreationSignature { get; init; }

    public required HostComposition Composition { get; init; }

    public required string AgentVersion { get; init; }
}

/// <summary>The hardware the host is made of; a change later is a finding.</summary>
public sealed record HostComposition
{
    public string? GnssReceiver { get; init; }
    public string? Imei { get; init; }
    public string? Iccid { get; init; }
    public string? Imsi { get; init; }
}
