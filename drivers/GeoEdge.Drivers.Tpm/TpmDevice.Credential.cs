using GeoEdge.Drivers.Tpm.Encoding;
using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

public sealed unsafe partial class TpmDevice
{
    private const byte SessionTypePolicy = 0x01;     // TPM_SE_POLICY
    private const byte SessionContinue = 0x01;       // TPMA_SESSION_CONTINUESESSION

    /// <summary>TPMT_SYM_DEF with algorithm TPM_ALG_NULL: an unsalted session without parameter encryption.</summary>
    private static readonly byte[] NoSymmetric = new TpmWriter().U16((ushort)TpmAlgorithm.Null).ToArray();

    /// <summary>
    /// TPM2_ActivateCredential: recovers the secret a verifier sealed with MakeCredential to
    /// <paramref name="ek"/> for the object named like <paramref name="activateKey"/> (the AK). The
    /// TPM releases it only if the AK is loaded on the TPM that holds the EK. The AK is used with
    /// password (empty) auth; the EK's policy A is satisfied with a policy session running
    /// PolicySecret(TPM_RH_ENDORSEMENT), flushed before this returns, also on failure.
    /// </summary>
    /// <param name="credentialBlob">marshalled TPM2B_ID_OBJECT</param>
    /// <param name="encryptedSecret">marshalled TPM2B_ENCRYPTED_SECRET</param>
    /// <returns>the secret (the content of the TPM2B_DIGEST certInfo)</returns>
    public byte[] ActivateCredential(TpmKey activateKey, TpmKey ek, ReadOnlySpan<byte> credentialBlob, ReadOnlySpan<byte> encryptedSecret)
    {
        using var blob = NativeStruct.Unmarshal(MuCodec.Tpm2bIdObject, credentialBlob, "the credential blob");
        using var secret = NativeStruct.Unmarshal(MuCodec.Tpm2bEncryptedSecret, encryptedSecret, "the encrypted secret");
        using var symmetric = NativeStruct.Unmarshal(MuCodec.TpmtSymDef, NoSymmetric, "the session's symmetric definition");
        lock (_lock)
        {
            CheckOwnKey(activateKey, nameof(activateKey));
            CheckOwnKey(ek, nameof(ek));
            uint session = EsysHandles.None;
            try
            {
                TpmException.ThrowIfFailed(EsysNative.Esys_StartAuthSession(Context, EsysHandles.None, EsysHandles.None,
                    EsysHandles.None, EsysHandles.None, EsysHandles.None, null, SessionTypePolicy, symmetric.Pointer,
                    (ushort)TpmAlgorithm.Sha256, &session), "Esys_StartAuthSession(policy)");
                // Keep the session after ActivateCredential so that the flush below is always valid.
                TpmException.ThrowIfFailed(EsysNative.Esys_TRSess_SetAttributes(Context, session, SessionContinue, 0xff),
                    "Esys_TRSess_SetAttributes");
                TpmException.ThrowIfFailed(EsysNative.Esys_PolicySecret(Context, EsysHandles.Endorsement, session,
                    EsysHandles.Password, EsysHandles.None, EsysHandles.None, null, null, null, 0, null, null),
                    "Esys_PolicySecret(TPM_RH_ENDORSEMENT)");
                var result = Activate(activateKey, ek, session, blob, secret);
                var toFlush = session;
                session = EsysHandles.None;
                TpmException.ThrowIfFailed(EsysNative.Esys_FlushContext(Context, toFlush), "Esys_FlushContext(policy session)");
                return result;
            }
            catch
            {
                FlushQuietly(session);
                throw;
            }
        }
    }

    private byte[] Activate(TpmKey activateKey, TpmKey ek, uint session, NativeStruct blob, NativeStruct secret)
    {
        void* certInfo = null;
        try
        {
            TpmException.ThrowIfFailed(EsysNative.Esys_ActivateCredential(Context, activateKey.EsysHandle, ek.EsysHandle,
                EsysHandles.Password, session, EsysHandles.None, blob.Pointer, secret.Pointer, &certInfo), "Esys_ActivateCredential");
            var reader = new TpmReader(NativeStruct.Marshal(MuCodec.Tpm2bDigest, certInfo, "ActivateCredential certInfo"), "TPM2B_DIGEST");
            var credential = reader.Sized().ToArray();
            reader.ExpectEnd();
            return credential;
        }
        finally
        {
            EsysMemory.Free(certInfo);
        }
    }
}
