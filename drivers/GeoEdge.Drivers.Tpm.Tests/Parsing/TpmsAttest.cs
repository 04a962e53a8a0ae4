namespace GeoEdge.Drivers.Tpm.Tests.Parsing;

/// <summary>The TPMS_ATTEST header fields the tests check, and the attested part as raw bytes.</summary>
public sealed record TpmsAttest(uint Magic, ushort Type, byte[] QualifiedSigner, byte[] ExtraData,
    ulong Clock, uint ResetCount, uint RestartCount, byte[] Attested)
{
    public const uint GeneratedValue = 0xff544347;  // TPM_GENERATED_VALUE, "\xffTCG"
    public const ushort AttestQuote = 0x8018;       // TPM_ST_ATTEST_QUOTE
    public const ushort AttestCreation = 0x801a;    // TPM_ST_ATTEST_CREATION

    public static TpmsAttest Parse(ReadOnlySpan<byte> attest)
    {
        var r = new Cursor(attest);
        var magic = r.U32();
        var type = r.U16();
        var signer = r.Sized();
        var extra = r.Sized();
        var clock = r.U64();
        var reset = r.U32();
        var restart = r.U32();
        r.U8();  // safe
        r.U64(); // firmwareVersion
        return new TpmsAttest(magic, type, signer, extra, clock, reset, restart, r.Bytes(r.Remaining));
    }
}
