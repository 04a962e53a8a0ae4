using System.Buffers.Binary;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// TPMS_CREATION_DATA (Part 2, 15.1): the context an object was created in. A creation
/// attestation's creationHash is H_nameAlg of these exact bytes (nameAlg of the created object).
/// </summary>
public sealed class TpmCreationData
{
    private const string Structure = "TPMS_CREATION_DATA";

    private readonly byte[] _marshalled;

    public PcrSelection PcrSelect { get; }
    public byte[] PcrDigest { get; }
    public byte Locality { get; }
    public TpmAlgId ParentNameAlg { get; }
    public byte[] ParentName { get; }
    public byte[] ParentQualifiedName { get; }
    public byte[] OutsideInfo { get; }

    /// <summary>The exact TPMS_CREATION_DATA bytes (without a TPM2B size).</summary>
    public ReadOnlySpan<byte> Marshalled => _marshalled;

    /// <summary>
    /// Parses a TPM2B_CREATION_DATA or a bare TPMS_CREATION_DATA. They cannot be confused: a
    /// TPMS_CREATION_DATA starts with the UINT32 bank count, whose high half is 0, while a TPM2B
    /// starts with the non-zero size of the rest.
    /// </summary>
    public static TpmCreationData Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length > 2 && BinaryPrimitives.ReadUInt16BigEndian(data) == data.Length - 2)
        {
            var outer = new TpmReader(data, "TPM2B_CREATION_DATA");
            var inner = outer.Sized("creationData", ushort.MaxValue);
            outer.EnsureEnd();
            data = inner;
        }
        return new TpmCreationData(data);
    }

    /// <summary>H(TPMS_CREATION_DATA): compare with <see cref="TpmCreationInfo.CreationHash"/>.</summary>
    public byte[] ComputeHash(TpmAlgId hashAlg) => TpmHash.Hash(hashAlg, _marshalled);

    private TpmCreationData(ReadOnlySpan<byte> data)
    {
        var reader = new TpmReader(data, Structure);
        PcrSelect = PcrSelection.Read(ref reader);
        PcrDigest = reader.Sized("pcrDigest", TpmPublic.MaxDigestBytes).ToArray();
        Locality = reader.U8("locality");
        ParentNameAlg = reader.Alg("parentNameAlg");
        ParentName = reader.Sized("parentName", TpmsAttest.MaxNameBytes).ToArray();
        ParentQualifiedName = reader.Sized("parentQualifiedName", TpmsAttest.MaxNameBytes).ToArray();
        OutsideInfo = reader.Sized("outsideInfo", TpmsAttest.MaxNameBytes).ToArray();
        reader.EnsureEnd();
        _marshalled = data.ToArray();
    }
}
