using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Tpm.Native;

/// <summary>
/// libtss2-esys entry points. Every TPM structure is passed as an opaque pointer (void*) to a native
/// buffer that Tss2_MU_*_Unmarshal filled (inputs) or that Esys allocated (outputs, read back with
/// Tss2_MU_*_Marshal and released with Esys_Free): see <see cref="NativeStruct"/>. ESYS_TR is a
/// uint32; session arguments are ESYS_TR too.
/// </summary>
internal static unsafe partial class EsysNative
{
    private const string Library = "libtss2-esys.so.0";

    [LibraryImport(Library)]
    internal static partial uint Esys_Initialize(nint* esysContext, nint tcti, void* abiVersion);

    [LibraryImport(Library)]
    internal static partial void Esys_Finalize(nint* esysContext);

    [LibraryImport(Library)]
    internal static partial void Esys_Free(void* ptr);

    [LibraryImport(Library)]
    internal static partial uint Esys_TR_FromTPMPublic(nint ctx, uint tpmHandle, uint s1, uint s2, uint s3, uint* esysHandle);

    [LibraryImport(Library)]
    internal static partial uint Esys_TR_Close(nint ctx, uint* esysHandle);

    [LibraryImport(Library)]
    internal static partial uint Esys_TR_GetName(nint ctx, uint esysHandle, void** name);

    [LibraryImport(Library)]
    internal static partial uint Esys_TRSess_SetAttributes(nint ctx, uint session, byte flags, byte mask);

    [LibraryImport(Library)]
    internal static partial uint Esys_FlushContext(nint ctx, uint flushHandle);

    [LibraryImport(Library)]
    internal static partial uint Esys_GetCapability(nint ctx, uint s1, uint s2, uint s3, uint capability, uint property,
        uint propertyCount, byte* moreData, void** capabilityData);

    [LibraryImport(Library)]
    internal static partial uint Esys_NV_ReadPublic(nint ctx, uint nvIndex, uint s1, uint s2, uint s3, void** nvPublic, void** nvName);

    [LibraryImport(Library)]
    internal static partial uint Esys_NV_Read(nint ctx, uint authHandle, uint nvIndex, uint s1, uint s2, uint s3,
        ushort size, ushort offset, void** data);

    [LibraryImport(Library)]
    internal static partial uint Esys_CreatePrimary(nint ctx, uint primaryHandle, uint s1, uint s2, uint s3,
        void* inSensitive, void* inPublic, void* outsideInfo, void* creationPcr,
        uint* objectHandle, void** outPublic, void** creationData, void** creationHash, void** creationTicket);

    [LibraryImport(Library)]
    internal static partial uint Esys_Create(nint ctx, uint parentHandle, uint s1, uint s2, uint s3,
        void* inSensitive, void* inPublic, void* outsideInfo, void* creationPcr,
        void** outPrivate, void** outPublic, void** creationData, void** creationHash, void** creationTicket);

    [LibraryImport(Library)]
    internal static partial uint Esys_Load(nint ctx, uint parentHandle, uint s1, uint s2, uint s3,
        void* inPrivate, void* inPublic, uint* objectHandle);

    [LibraryImport(Library)]
    internal static partial uint Esys_ReadPublic(nint ctx, uint objectHandle, uint s1, uint s2, uint s3,
        void** outPublic, void** name, void** qualifiedName);

    [LibraryImport(Library)]
    internal static partial uint Esys_EvictControl(nint ctx, uint auth, uint objectHandle, uint s1, uint s2, uint s3,
        uint persistentHandle, uint* newObjectHandle);

    [LibraryImport(Library)]
    internal static partial uint Esys_CertifyCreation(nint ctx, uint signHandle, uint objectHandle, uint s1, uint s2, uint s3,
        void* qualifyingData, void* creationHash, void* inScheme, void* creationTicket, void** certifyInfo, void** signature);

    [LibraryImport(Library)]
    internal static partial uint Esys_Quote(nint ctx, uint signHandle, uint s1, uint s2, uint s3,
        void* qualifyingData, void* inScheme, void* pcrSelect, void** quoted, void** signature);

    [LibraryImport(Library)]
    internal static partial uint Esys_PCR_Read(nint ctx, uint s1, uint s2, uint s3, void* pcrSelectionIn,
        uint* pcrUpdateCounter, void** pcrSelectionOut, void** pcrValues);

    [LibraryImport(Library)]
    internal static partial uint Esys_PCR_Extend(nint ctx, uint pcrHandle, uint s1, uint s2, uint s3, void* digests);

    [LibraryImport(Library)]
    internal static partial uint Esys_StartAuthSession(nint ctx, uint tpmKey, uint bind, uint s1, uint s2, uint s3,
        void* nonceCaller, byte sessionType, void* symmetric, ushort authHash, uint* sessionHandle);

    [LibraryImport(Library)]
    internal static partial uint Esys_PolicySecret(nint ctx, uint authHandle, uint policySession, uint s1, uint s2, uint s3,
        void* nonceTpm, void* cpHashA, void* policyRef, int expiration, void** timeout, void** policyTicket);

    [LibraryImport(Library)]
    internal static partial uint Esys_ActivateCredential(nint ctx, uint activateHandle, uint keyHandle, uint s1, uint s2, uint s3,
        void* credentialBlob, void* secret, void** certInfo);

    [LibraryImport(Library)]
    internal static partial uint Esys_ReadClock(nint ctx, uint s1, uint s2, uint s3, void** currentTime);

    [LibraryImport(Library)]
    internal static partial uint Esys_GetRandom(nint ctx, uint s1, uint s2, uint s3, ushort bytesRequested, void** randomBytes);
}
