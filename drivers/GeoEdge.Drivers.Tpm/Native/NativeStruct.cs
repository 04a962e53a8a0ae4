using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Tpm.Native;

/// <summary>
/// A zeroed native buffer standing in for one C struct of tpm2-tss. Inputs are filled by
/// Tss2_MU_*_Unmarshal from the wire bytes the caller gave; a zeroed buffer is also the valid empty
/// value of every TPM2B (size 0) and TPML (count 0) when a command wants one.
/// </summary>
internal sealed unsafe class NativeStruct : IDisposable
{
    /// <summary>
    /// Upper bound of sizeof() of every tpm2-tss struct this driver passes. In tss2 3.2 the largest
    /// is TPM2B_ATTEST (about 2.3 KB: TPMS_ATTEST can hold a TPMS_NV_CERTIFY_INFO with a 2048-byte
    /// TPM2B_MAX_NV_BUFFER); TPMS_CAPABILITY_DATA and TPML_DIGEST_VALUES are about 1 KB, TPM2B_PRIVATE
    /// about 1.6 KB. Newer tss2 releases with ML-DSA grow TPMT_SIGNATURE to about 4.7 KB. Marshalled
    /// TPM responses are bounded by TPM2_MAX_RESPONSE_SIZE (8192). 16 KiB covers all with margin, and
    /// Unmarshal itself refuses sizes larger than the struct's own buffers.
    /// </summary>
    public const int Capacity = 16 * 1024;

    public void* Pointer { get; private set; }

    private NativeStruct() => Pointer = NativeMemory.AllocZeroed(Capacity);

    public static NativeStruct Zeroed() => new();

    /// <summary>Unmarshals exactly <paramref name="wire"/>; trailing bytes are refused.</summary>
    public static NativeStruct Unmarshal(MuCodec codec, ReadOnlySpan<byte> wire, string what)
    {
        if (wire.Length > Capacity)
            throw new TpmFormatException($"{what}: {wire.Length} bytes is larger than any {codec.Name}");
        var native = new NativeStruct();
        try
        {
            nuint offset = 0;
            uint rc;
            fixed (byte* bytes = wire)
                rc = codec.Unmarshal(bytes, (nuint)wire.Length, &offset, native.Pointer);
            if (rc != 0)
                throw new TpmException(rc, $"Tss2_MU_{codec.Name}_Unmarshal of {what}");
            if (offset != (nuint)wire.Length)
                throw new TpmFormatException($"{what}: {(nuint)wire.Length - offset} trailing bytes after the {codec.Name}");
            return native;
        }
        catch
        {
            native.Dispose();
            throw;
        }
    }

    /// <summary>Marshals a struct (ours or one Esys allocated) to its wire bytes.</summary>
    public static byte[] Marshal(MuCodec codec, void* source, string what)
    {
        if (source is null)
            throw new TpmFormatException($"{what}: the TSS returned no {codec.Name}");
        var buffer = new byte[Capacity];
        nuint offset = 0;
        uint rc;
        fixed (byte* bytes = buffer)
            rc = codec.Marshal(source, bytes, (nuint)buffer.Length, &offset);
        if (rc != 0)
            throw new TpmException(rc, $"Tss2_MU_{codec.Name}_Marshal of {what}");
        return buffer.AsSpan(0, checked((int)offset)).ToArray();
    }

    public void Dispose()
    {
        if (Pointer is null) return;
        NativeMemory.Free(Pointer);
        Pointer = null;
    }
}
