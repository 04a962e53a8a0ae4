namespace GeoEdge.Drivers.Tpm.Native;

/// <summary>
/// One TPM structure type as libtss2-mu knows it: its Unmarshal (wire bytes to C struct) and Marshal
/// (C struct to wire bytes) functions. The driver never mirrors the C structs in C#; the only C
/// layout fact it relies on is an upper bound of their size (<see cref="NativeStruct.Capacity"/>).
/// </summary>
internal sealed unsafe class MuCodec
{
    public string Name { get; }
    public readonly delegate*<byte*, nuint, nuint*, void*, uint> Unmarshal;
    public readonly delegate*<void*, byte*, nuint, nuint*, uint> Marshal;

    private MuCodec(string name, delegate*<byte*, nuint, nuint*, void*, uint> unmarshal, delegate*<void*, byte*, nuint, nuint*, uint> marshal)
    {
        Name = name;
        Unmarshal = unmarshal;
        Marshal = marshal;
    }

    public static readonly MuCodec Tpm2bPublic = new("TPM2B_PUBLIC", &MuNative.Tss2_MU_TPM2B_PUBLIC_Unmarshal, &MuNative.Tss2_MU_TPM2B_PUBLIC_Marshal);
    public static readonly MuCodec Tpm2bPrivate = new("TPM2B_PRIVATE", &MuNative.Tss2_MU_TPM2B_PRIVATE_Unmarshal, &MuNative.Tss2_MU_TPM2B_PRIVATE_Marshal);
    public static readonly MuCodec Tpm2bData = new("TPM2B_DATA", &MuNative.Tss2_MU_TPM2B_DATA_Unmarshal, &MuNative.Tss2_MU_TPM2B_DATA_Marshal);
    public static readonly MuCodec Tpm2bDigest = new("TPM2B_DIGEST", &MuNative.Tss2_MU_TPM2B_DIGEST_Unmarshal, &MuNative.Tss2_MU_TPM2B_DIGEST_Marshal);
    public static readonly MuCodec Tpm2bName = new("TPM2B_NAME", &MuNative.Tss2_MU_TPM2B_NAME_Unmarshal, &MuNative.Tss2_MU_TPM2B_NAME_Marshal);
    public static readonly MuCodec Tpm2bCreationData = new("TPM2B_CREATION_DATA", &MuNative.Tss2_MU_TPM2B_CREATION_DATA_Unmarshal, &MuNative.Tss2_MU_TPM2B_CREATION_DATA_Marshal);
    public static readonly MuCodec Tpm2bAttest = new("TPM2B_ATTEST", &MuNative.Tss2_MU_TPM2B_ATTEST_Unmarshal, &MuNative.Tss2_MU_TPM2B_ATTEST_Marshal);
    public static readonly MuCodec Tpm2bMaxNvBuffer = new("TPM2B_MAX_NV_BUFFER", &MuNative.Tss2_MU_TPM2B_MAX_NV_BUFFER_Unmarshal, &MuNative.Tss2_MU_TPM2B_MAX_NV_BUFFER_Marshal);
    public static readonly MuCodec Tpm2bNvPublic = new("TPM2B_NV_PUBLIC", &MuNative.Tss2_MU_TPM2B_NV_PUBLIC_Unmarshal, &MuNative.Tss2_MU_TPM2B_NV_PUBLIC_Marshal);
    public static readonly MuCodec Tpm2bIdObject = new("TPM2B_ID_OBJECT", &MuNative.Tss2_MU_TPM2B_ID_OBJECT_Unmarshal, &MuNative.Tss2_MU_TPM2B_ID_OBJECT_Marshal);
    public static readonly MuCodec Tpm2bEncryptedSecret = new("TPM2B_ENCRYPTED_SECRET", &MuNative.Tss2_MU_TPM2B_ENCRYPTED_SECRET_Unmarshal, &MuNative.Tss2_MU_TPM2B_ENCRYPTED_SECRET_Marshal);
    public static readonly MuCodec TpmtTkCreation = new("TPMT_TK_CREATION", &MuNative.Tss2_MU_TPMT_TK_CREATION_Unmarshal, &MuNative.Tss2_MU_TPMT_TK_CREATION_Marshal);
    public static readonly MuCodec TpmtSigScheme = new("TPMT_SIG_SCHEME", &MuNative.Tss2_MU_TPMT_SIG_SCHEME_Unmarshal, &MuNative.Tss2_MU_TPMT_SIG_SCHEME_Marshal);
    public static readonly MuCodec TpmtSignature = new("TPMT_SIGNATURE", &MuNative.Tss2_MU_TPMT_SIGNATURE_Unmarshal, &MuNative.Tss2_MU_TPMT_SIGNATURE_Marshal);
    public static readonly MuCodec TpmtSymDef = new("TPMT_SYM_DEF", &MuNative.Tss2_MU_TPMT_SYM_DEF_Unmarshal, &MuNative.Tss2_MU_TPMT_SYM_DEF_Marshal);
    public static readonly MuCodec TpmlPcrSelection = new("TPML_PCR_SELECTION", &MuNative.Tss2_MU_TPML_PCR_SELECTION_Unmarshal, &MuNative.Tss2_MU_TPML_PCR_SELECTION_Marshal);
    public static readonly MuCodec TpmlDigest = new("TPML_DIGEST", &MuNative.Tss2_MU_TPML_DIGEST_Unmarshal, &MuNative.Tss2_MU_TPML_DIGEST_Marshal);
    public static readonly MuCodec TpmlDigestValues = new("TPML_DIGEST_VALUES", &MuNative.Tss2_MU_TPML_DIGEST_VALUES_Unmarshal, &MuNative.Tss2_MU_TPML_DIGEST_VALUES_Marshal);
    public static readonly MuCodec TpmsCapabilityData = new("TPMS_CAPABILITY_DATA", &MuNative.Tss2_MU_TPMS_CAPABILITY_DATA_Unmarshal, &MuNative.Tss2_MU_TPMS_CAPABILITY_DATA_Marshal);
    public static readonly MuCodec TpmsTimeInfo = new("TPMS_TIME_INFO", &MuNative.Tss2_MU_TPMS_TIME_INFO_Unmarshal, &MuNative.Tss2_MU_TPMS_TIME_INFO_Marshal);
}
