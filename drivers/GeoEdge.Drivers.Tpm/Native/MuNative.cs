using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Tpm.Native;

/// <summary>
/// libtss2-mu: the TSS's own marshalling of TPM structures between the TPM wire format (big-endian,
/// size-prefixed, exactly what the TPM sends) and the C structs Esys takes. The driver only ever holds
/// the wire bytes; these functions are the one place where the C layout is known (see <see cref="MuCodec"/>).
/// All have the same two shapes, so <see cref="MuCodec"/> can hold them as function pointers.
/// </summary>
internal static unsafe partial class MuNative
{
    private const string Library = "libtss2-mu.so.0";

    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_PUBLIC_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_PUBLIC_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_PRIVATE_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_PRIVATE_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_DATA_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_DATA_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_DIGEST_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_DIGEST_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_NAME_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_NAME_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_CREATION_DATA_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_CREATION_DATA_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_ATTEST_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_ATTEST_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_MAX_NV_BUFFER_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_MAX_NV_BUFFER_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_NV_PUBLIC_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_NV_PUBLIC_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_ID_OBJECT_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_ID_OBJECT_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_ENCRYPTED_SECRET_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPM2B_ENCRYPTED_SECRET_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMT_TK_CREATION_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMT_TK_CREATION_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMT_SIG_SCHEME_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMT_SIG_SCHEME_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMT_SIGNATURE_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMT_SIGNATURE_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMT_SYM_DEF_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMT_SYM_DEF_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPML_PCR_SELECTION_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPML_PCR_SELECTION_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPML_DIGEST_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPML_DIGEST_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPML_DIGEST_VALUES_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPML_DIGEST_VALUES_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMS_CAPABILITY_DATA_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMS_CAPABILITY_DATA_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMS_TIME_INFO_Marshal(void* src, byte* buffer, nuint size, nuint* offset);
    [LibraryImport(Library)] internal static partial uint Tss2_MU_TPMS_TIME_INFO_Unmarshal(byte* buffer, nuint size, nuint* offset, void* dest);
}
