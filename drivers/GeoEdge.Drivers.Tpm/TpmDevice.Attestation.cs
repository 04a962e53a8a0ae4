using GeoEdge.Drivers.Tpm.Encoding;
using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

public sealed unsafe partial class TpmDevice
{
    /// <summary>TPMU_HA is at most 64 bytes, and TPM2B_DATA (qualifying data) is sized like it.</summary>
    public const int MaxQualifyingDataLength = 64;

    /// <summary>TPMT_SIG_SCHEME ECDSA with SHA-256, the scheme fixed in <see cref="TpmTemplates.AttestationKeyEccP256"/>.</summary>
    private static readonly byte[] EcdsaSha256Scheme = new TpmWriter().U16((ushort)TpmAlgorithm.Ecdsa).U16((ushort)TpmAlgorithm.Sha256).ToArray();

    /// <summary>
    /// TPM2_CertifyCreation: <paramref name="signer"/> (the AK, ECDSA-SHA256) signs that
    /// <paramref name="obj"/> was created by this TPM with the given creation hash and ticket
    /// (TPM2B_DIGEST and TPMT_TK_CREATION wire bytes from <see cref="Create"/>).
    /// </summary>
    public TpmAttestation CertifyCreation(TpmKey signer, TpmKey obj, ReadOnlySpan<byte> qualifyingData,
        ReadOnlySpan<byte> creationHash, ReadOnlySpan<byte> creationTicket)
    {
        using var data = QualifyingData(qualifyingData);
        using var hash = NativeStruct.Unmarshal(MuCodec.Tpm2bDigest, creationHash, "the creation hash");
        using var ticket = NativeStruct.Unmarshal(MuCodec.TpmtTkCreation, creationTicket, "the creation ticket");
        using var scheme = NativeStruct.Unmarshal(MuCodec.TpmtSigScheme, EcdsaSha256Scheme, "the signature scheme");
        lock (_lock)
        {
            CheckOwnKey(signer, nameof(signer));
            CheckOwnKey(obj, nameof(obj));
            void* certifyInfo = null, signature = null;
            try
            {
                TpmException.ThrowIfFailed(EsysNative.Esys_CertifyCreation(Context, signer.EsysHandle, obj.EsysHandle,
                    EsysHandles.Password, EsysHandles.None, EsysHandles.None,
                    data.Pointer, hash.Pointer, scheme.Pointer, ticket.Pointer, &certifyInfo, &signature), "Esys_CertifyCreation");
                return Attestation(certifyInfo, signature, "CertifyCreation");
            }
            finally
            {
                EsysMemory.Free(certifyInfo, signature);
            }
        }
    }

    /// <summary>TPM2_CertifyCreation with the creation hash and ticket of <paramref name="created"/>.</summary>
    public TpmAttestation CertifyCreation(TpmKey signer, TpmKey obj, ReadOnlySpan<byte> qualifyingData, CreatedObject created)
    {
        ArgumentNullException.ThrowIfNull(created);
        return CertifyCreation(signer, obj, qualifyingData, created.CreationHash.Span, created.CreationTicket.Span);
    }

    /// <summary>TPM2_Quote of <paramref name="pcrs"/> in <paramref name="bank"/>, signed by <paramref name="ak"/> with ECDSA-SHA256.</summary>
    public TpmAttestation Quote(TpmKey ak, ReadOnlySpan<byte> qualifyingData, TpmAlgorithm bank, IReadOnlyList<int> pcrs)
    {
        ArgumentNullException.ThrowIfNull(pcrs);
        bank.DigestSize();
        using var data = QualifyingData(qualifyingData);
        using var selection = NativeStruct.Unmarshal(MuCodec.TpmlPcrSelection, PcrSelection.Encode(bank, pcrs), "the PCR selection");
        using var scheme = NativeStruct.Unmarshal(MuCodec.TpmtSigScheme, EcdsaSha256Scheme, "the signature scheme");
        lock (_lock)
        {
            CheckOwnKey(ak, nameof(ak));
            void* quoted = null, signature = null;
            try
            {
                TpmException.ThrowIfFailed(EsysNative.Esys_Quote(Context, ak.EsysHandle,
                    EsysHandles.Password, EsysHandles.None, EsysHandles.None,
                    data.Pointer, scheme.Pointer, selection.Pointer, &quoted, &signature), "Esys_Quote");
                return Attestation(quoted, signature, "Quote");
            }
            finally
            {
                EsysMemory.Free(quoted, signature);
            }
        }
    }

    private static NativeStruct QualifyingData(ReadOnlySpan<byte> qualifyingData)
    {
        if (qualifyingData.Length > MaxQualifyingDataLength)
            throw new ArgumentException($"qualifying data is at most {MaxQualifyingDataLength} bytes, got {qualifyingData.Length}", nameof(qualifyingData));
        return NativeStruct.Unmarshal(MuCodec.Tpm2bData, new TpmWriter().Sized(qualifyingData).ToArray(), "the qualifying data");
    }

    private static TpmAttestation Attestation(void* attest, void* signature, string operation)
    {
        var reader = new TpmReader(NativeStruct.Marshal(MuCodec.Tpm2bAttest, attest, $"{operation} attest"), "TPM2B_ATTEST");
        var attestBytes = reader.Sized().ToArray();
        reader.ExpectEnd();
        return new TpmAttestation(attestBytes, NativeStruct.Marshal(MuCodec.TpmtSignature, signature, $"{operation} signature"));
    }
}
