using System.Buffers.Binary;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// TPMS_ATTEST (Part 2, 10.12.12): the structure a TPM signs for a quote, a creation certification
/// and the other attestation commands. The header is parsed for every type; the attested part for
/// quotes (<see cref="Quote"/>) and creation certifications (<see cref="Creation"/>).
/// </summary>
public sealed class TpmsAttest
{
    private const string Structure = "TPMS_ATTEST";

    /// <summary>TPM2B_NAME and TPM2B_DATA bound: sizeof(TPMT_HA) for SHA-512.</summary>
    internal const int MaxNameBytes = 66;

    private readonly byte[] _marshalled;

    public TpmStructureTag Type { get; }

    /// <summary>Qualified Name of the signing key.</summary>
    public byte[] QualifiedSigner { get; }

    /// <summary>The caller's qualifying data (for GeoEdge quotes: the hash of the reading).</summary>
    public byte[] ExtraData { get; }

    public TpmClockInfo ClockInfo { get; }
    public ulong FirmwareVersion { get; }

    /// <summary>Set when <see cref="Type"/> is <see cref="TpmStructureTag.AttestQuote"/>.</summary>
    public TpmQuoteInfo? Quote { get; }

    /// <summary>Set when <see cref="Type"/> is <see cref="TpmStructureTag.AttestCreation"/>.</summary>
    public TpmCreationInfo? Creation { get; }

    /// <summary>The exact TPMS_ATTEST bytes: the message the signature covers.</summary>
    public ReadOnlySpan<byte> Marshalled => _marshalled;

    /// <summary>
    /// Parses a TPMS_ATTEST, or a TPM2B_ATTEST around one (recognised because a TPMS_ATTEST always
    /// starts with TPM_GENERATED_VALUE, while a TPM2B starts with the size of the rest).
    /// </summary>
    public static TpmsAttest Parse(ReadOnlySpan<byte> data)
    {
        if (!StartsWithMagic(data) && data.Length >= 2 && BinaryPrimitives.ReadUInt16BigEndian(data) == data.Length - 2)
        {
            var outer = new TpmReader(data, "TPM2B_ATTEST");
            var inner = outer.Sized("attestationData", ushort.MaxValue);
            outer.EnsureEnd();
            data = inner;
        }
        return new TpmsAttest(data);
    }

    private static bool StartsWithMagic(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(data) == TpmGenerated.Value;

    private TpmsAttest(ReadOnlySpan<byte> data)
    {
        var reader = new TpmReader(data, Structure);
        var magic = reader.U32("magic");
        if (magic != TpmGenerated.Value)
            throw reader.Fail("magic", $"0x{magic:x8} is not TPM_GENERATED_VALUE 0x{TpmGenerated.Value:x8}: not produced by a TPM");
        var type = reader.U16("type");
        if (!Enum.IsDefined((TpmStructureTag)type))
            throw reader.Fail("type", $"0x{type:x4} is not an attestation structure tag (TPM_ST_ATTEST_*)");
        Type = (TpmStructureTag)type;
        QualifiedSigner = reader.Sized("qualifiedSigner", MaxNameBytes).ToArray();
        ExtraData = reader.Sized("extraData", MaxNameBytes).ToArray();
        ClockInfo = TpmClockInfo.Read(ref reader);
        FirmwareVersion = reader.U64("firmwareVersion");

        switch (Type)
        {
            case TpmStructureTag.AttestQuote:
                var selection = PcrSelection.Read(ref reader);
                Quote = new TpmQuoteInfo(selection, reader.Sized("attested.quote.pcrDigest", TpmPublic.MaxDigestBytes).ToArray());
                reader.EnsureEnd();
                break;
            case TpmStructureTag.AttestCreation:
                var objectName = reader.Sized("attested.creation.objectName", MaxNameBytes).ToArray();
                Creation = new TpmCreationInfo(objectName, reader.Sized("attested.creation.creationHash", TpmPublic.MaxDigestBytes).ToArray());
                reader.EnsureEnd();
                break;
            default:
                // Other attestations are not verified by GeoEdge; the header is enough to refuse them by type.
                break;
        }
        // Kept whole even for the types whose body is not parsed: the signature covers all of it.
        _marshalled = data.ToArray();
    }
}
