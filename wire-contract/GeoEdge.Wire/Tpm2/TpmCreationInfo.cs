namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// TPMS_CREATION_INFO (Part 2, 10.12.6): the Name of a created object and H_nameAlg of its
/// TPMS_CREATION_DATA, as certified by TPM2_CertifyCreation.
/// </summary>
public sealed record TpmCreationInfo(byte[] ObjectName, byte[] CreationHash);
