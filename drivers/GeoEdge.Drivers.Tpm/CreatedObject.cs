namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// What TPM2_Create returns, each field in TPM wire format: Private (TPM2B_PRIVATE, the wrapped key,
/// only loadable under the same parent on the same TPM), Public (TPM2B_PUBLIC), CreationData
/// (TPM2B_CREATION_DATA), CreationHash (TPM2B_DIGEST) and CreationTicket (TPMT_TK_CREATION), the last
/// two being what TPM2_CertifyCreation needs to prove the object was created by this TPM.
/// </summary>
public sealed record CreatedObject(
    ReadOnlyMemory<byte> Private,
    ReadOnlyMemory<byte> Public,
    ReadOnlyMemory<byte> CreationData,
    ReadOnlyMemory<byte> CreationHash,
    ReadOnlyMemory<byte> CreationTicket);
