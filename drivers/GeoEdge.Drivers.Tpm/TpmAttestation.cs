namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// A signed TPM statement. Attest is the TPMS_ATTEST wire bytes (the content of the TPM2B_ATTEST
/// without its size: exactly the bytes the signature covers); Signature is the TPMT_SIGNATURE wire bytes.
/// </summary>
public sealed record TpmAttestation(ReadOnlyMemory<byte> Attest, ReadOnlyMemory<byte> Signature);
