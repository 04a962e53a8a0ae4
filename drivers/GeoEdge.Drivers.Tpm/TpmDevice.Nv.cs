using GeoEdge.Drivers.Tpm.Encoding;
using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

public sealed unsafe partial class TpmDevice
{
    /// <summary>NV index of the RSA 2048 EK certificate (TCG EK Credential Profile, low range).</summary>
    public const uint EkCertificateRsa2048Index = 0x01c00002;

    /// <summary>NV index of the ECC NIST P-256 EK certificate (TCG EK Credential Profile, low range).</summary>
    public const uint EkCertificateEccP256Index = 0x01c0000a;

    private const uint NvAttributeOwnerRead = 1u << 17; // TPMA_NV_OWNERREAD
    private const uint NvAttributeAuthRead = 1u << 18;  // TPMA_NV_AUTHREAD

    /// <summary>
    /// The whole content of NV index <paramref name="nvIndex"/>, read in chunks the TPM accepts; null
    /// if the index is not defined. An index that is defined but never written fails with
    /// TPM_RC_NV_UNINITIALIZED. Reads with the index's own (empty) auth, or owner auth.
    /// </summary>
    public byte[]? ReadNv(uint nvIndex)
    {
        if (nvIndex >> 24 != 0x01)
            throw new ArgumentOutOfRangeException(nameof(nvIndex), $"0x{nvIndex:x8} is not an NV index (0x01xxxxxx)");
        lock (_lock)
        {
            var handle = FromTpmHandle(nvIndex);
            if (handle is null) return null;
            try
            {
                var (attributes, dataSize) = ReadNvPublic(handle.Value, nvIndex);
                var authHandle = (attributes & NvAttributeAuthRead) != 0 ? handle.Value
                    : (attributes & NvAttributeOwnerRead) != 0 ? EsysHandles.Owner
                    : throw new NotSupportedException($"NV index 0x{nvIndex:x8} is readable neither with its own auth nor owner auth (no authread/ownerread)");
                // TPM2B_MAX_NV_BUFFER in tpm2-tss holds 2048 bytes; the TPM may allow less.
                var chunk = Math.Min(NvBufferMax(), 2048);
                var content = new byte[dataSize];
                for (var offset = 0; offset < dataSize; offset += chunk)
                {
                    var size = Math.Min(chunk, dataSize - offset);
                    ReadNvChunk(authHandle, handle.Value, nvIndex, offset, content.AsSpan(offset, size));
                }
                return content;
            }
            finally
            {
                CloseQuietly(handle.Value);
            }
        }
    }

    private (uint Attributes, int DataSize) ReadNvPublic(uint handle, uint nvIndex)
    {
        void* nvPublic = null;
        try
        {
            TpmException.ThrowIfFailed(EsysNative.Esys_NV_ReadPublic(Context, handle, EsysHandles.None, EsysHandles.None, EsysHandles.None,
                &nvPublic, null), $"Esys_NV_ReadPublic(0x{nvIndex:x8})");
            var wire = NativeStruct.Marshal(MuCodec.Tpm2bNvPublic, nvPublic, "NV_ReadPublic nvPublic");
            // TPM2B_NV_PUBLIC: size, then TPMS_NV_PUBLIC: nvIndex, nameAlg, attributes, authPolicy (TPM2B), dataSize.
            var outer = new TpmReader(wire, "TPM2B_NV_PUBLIC");
            var reader = new TpmReader(outer.Sized(), "TPMS_NV_PUBLIC");
            outer.ExpectEnd();
            if (reader.U32() != nvIndex) throw new TpmFormatException($"NV_ReadPublic(0x{nvIndex:x8}) described another index");
            reader.U16();
            var attributes = reader.U32();
            reader.Sized();
            var dataSize = reader.U16();
            reader.ExpectEnd();
            return (attributes, dataSize);
        }
        finally
        {
            EsysMemory.Free(nvPublic);
        }
    }

    private void ReadNvChunk(uint authHandle, uint handle, uint nvIndex, int offset, Span<byte> destination)
    {
        void* data = null;
        try
        {
            TpmException.ThrowIfFailed(EsysNative.Esys_NV_Read(Context, authHandle, handle,
                EsysHandles.Password, EsysHandles.None, EsysHandles.None, (ushort)destination.Length, (ushort)offset, &data),
                $"Esys_NV_Read(0x{nvIndex:x8}, offset {offset}, size {destination.Length})");
            var wire = NativeStruct.Marshal(MuCodec.Tpm2bMaxNvBuffer, data, "NV_Read data");
            var reader = new TpmReader(wire, "TPM2B_MAX_NV_BUFFER");
            var bytes = reader.Sized();
            reader.ExpectEnd();
            if (bytes.Length != destination.Length)
                throw new TpmFormatException($"NV_Read(0x{nvIndex:x8}) returned {bytes.Length} bytes at offset {offset}, asked for {destination.Length}");
            bytes.CopyTo(destination);
        }
        finally
        {
            EsysMemory.Free(data);
        }
    }
}
