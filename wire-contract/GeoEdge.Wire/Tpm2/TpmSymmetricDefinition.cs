namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// TPMT_SYM_DEF_OBJECT (Part 2, 11.1.7): the symmetric algorithm of a storage key. For an EK it is
/// also the cipher MakeCredential encrypts the credential with (AES-128-CFB in the default templates).
/// </summary>
public readonly record struct TpmSymmetricDefinition(TpmAlgId Algorithm, ushort KeyBits, TpmAlgId Mode)
{
    public static TpmSymmetricDefinition Null => new(TpmAlgId.Null, 0, TpmAlgId.Null);

    public bool IsNull => Algorithm == TpmAlgId.Null;

    internal static TpmSymmetricDefinition Read(ref TpmReader reader, string field)
    {
        var algorithm = reader.Alg(field + ".algorithm");
        if (algorithm == TpmAlgId.Null) return Null;
        if (algorithm is not (TpmAlgId.Aes or TpmAlgId.Sm4 or TpmAlgId.Camellia))
            throw reader.Fail(field + ".algorithm", $"{TpmHash.Describe(algorithm)} is not a symmetric block cipher (AES, SM4, CAMELLIA or NULL)");
        var keyBits = reader.U16(field + ".keyBits");
        var mode = reader.Alg(field + ".mode");
        return new TpmSymmetricDefinition(algorithm, keyBits, mode);
    }

    internal void WriteTo(TpmWriter writer)
    {
        writer.Alg(Algorithm);
        if (!IsNull) writer.U16(KeyBits).Alg(Mode);
    }
}
