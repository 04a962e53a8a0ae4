using GeoEdge.Drivers.Tpm.Encoding;
using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

public sealed unsafe partial class TpmDevice
{
    private const uint CapHandles = 0x00000001;       // TPM_CAP_HANDLES
    private const uint CapTpmProperties = 0x00000006; // TPM_CAP_TPM_PROPERTIES
    private const uint PtNvBufferMax = 0x0000012c;    // TPM_PT_NV_BUFFER_MAX (PT_FIXED + 44)

    /// <summary>Handles of transient objects loaded in the TPM (TPM_HT_TRANSIENT, 0x80xxxxxx).</summary>
    public IReadOnlyList<uint> GetTransientHandles() => GetHandles(0x80000000);

    /// <summary>Handles of persistent objects (TPM_HT_PERSISTENT, 0x81xxxxxx).</summary>
    public IReadOnlyList<uint> GetPersistentHandles() => GetHandles(0x81000000);

    /// <summary>Handles of loaded HMAC and policy sessions (TPM_HT_LOADED_SESSION 0x02, TPM_HT_POLICY_SESSION 0x03).</summary>
    public IReadOnlyList<uint> GetLoadedSessionHandles() => [.. GetHandles(0x02000000), .. GetHandles(0x03000000)];

    /// <summary>TPM2_GetCapability(TPM_CAP_HANDLES) for the handle type of <paramref name="first"/>, following moreData.</summary>
    private List<uint> GetHandles(uint first)
    {
        lock (_lock) return GetHandlesLocked(first);
    }

    private List<uint> GetHandlesLocked(uint first)
    {
        var handles = new List<uint>();
        var property = first;
        while (true)
        {
            var (data, more) = GetCapability(CapHandles, property, 254);
            var reader = new TpmReader(data, "TPMS_CAPABILITY_DATA(handles)");
            if (reader.U32() != CapHandles) throw new TpmFormatException("GetCapability(handles) answered another capability");
            var count = reader.U32();
            var added = false;
            for (var i = 0u; i < count; i++)
            {
                var handle = reader.U32();
                if (handle >> 24 != first >> 24) { more = false; break; }
                if (handle < property) throw new TpmFormatException($"GetCapability(handles) went backwards to 0x{handle:x8}");
                handles.Add(handle);
                property = handle + 1;
                added = true;
            }
            if (!more || !added) return handles;
        }
    }

    /// <summary>TPM_PT_NV_BUFFER_MAX: the most an NV_Read may ask for at once.</summary>
    private int NvBufferMax()
    {
        var (data, _) = GetCapability(CapTpmProperties, PtNvBufferMax, 1);
        var reader = new TpmReader(data, "TPMS_CAPABILITY_DATA(properties)");
        if (reader.U32() != CapTpmProperties || reader.U32() == 0 || reader.U32() != PtNvBufferMax)
            throw new TpmFormatException("GetCapability did not report TPM_PT_NV_BUFFER_MAX");
        var value = reader.U32();
        if (value is 0 or > 65535) throw new TpmFormatException($"TPM_PT_NV_BUFFER_MAX is {value}");
        return (int)value;
    }

    /// <summary>Caller holds <see cref="_lock"/>.</summary>
    private (byte[] Data, bool More) GetCapability(uint capability, uint property, uint count)
    {
        byte more = 0;
        void* data = null;
        try
        {
            TpmException.ThrowIfFailed(EsysNative.Esys_GetCapability(Context, EsysHandles.None, EsysHandles.None, EsysHandles.None,
                capability, property, count, &more, &data), $"Esys_GetCapability(0x{capability:x}, 0x{property:x8})");
            return (NativeStruct.Marshal(MuCodec.TpmsCapabilityData, data, "GetCapability capabilityData"), more != 0);
        }
        finally
        {
            EsysMemory.Free(data);
        }
    }
}
