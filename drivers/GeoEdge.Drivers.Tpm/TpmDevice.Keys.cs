using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

public sealed unsafe partial class TpmDevice
{
    /// <summary>
    /// TPM2_CreatePrimary under <paramref name="hierarchy"/> (empty hierarchy auth) from a marshalled
    /// TPM2B_PUBLIC template (see <see cref="TpmTemplates"/>). Returns a transient key.
    /// </summary>
    public TpmKey CreatePrimary(TpmHierarchy hierarchy, ReadOnlySpan<byte> tpm2bPublicTemplate)
    {
        var hierarchyHandle = hierarchy.ToEsysHandle();
        using var inPublic = NativeStruct.Unmarshal(MuCodec.Tpm2bPublic, tpm2bPublicTemplate, "the primary key template");
        using var inSensitive = NativeStruct.Zeroed();
        using var outsideInfo = NativeStruct.Zeroed();
        using var creationPcr = NativeStruct.Zeroed();
        lock (_lock)
        {
            uint handle = EsysHandles.None;
            void* outPublic = null;
            try
            {
                TpmException.ThrowIfFailed(EsysNative.Esys_CreatePrimary(Context, hierarchyHandle,
                    EsysHandles.Password, EsysHandles.None, EsysHandles.None,
                    inSensitive.Pointer, inPublic.Pointer, outsideInfo.Pointer, creationPcr.Pointer,
                    &handle, &outPublic, null, null, null), "Esys_CreatePrimary");
                var publicArea = NativeStruct.Marshal(MuCodec.Tpm2bPublic, outPublic, "the primary key's public area");
                return Track(new TpmKey(this, handle, publicArea, GetName(handle), persistentHandle: null));
            }
            catch
            {
                FlushQuietly(handle);
                throw;
            }
            finally
            {
                EsysMemory.Free(outPublic);
            }
        }
    }

    /// <summary>TPM2_Create of an ordinary object under <paramref name="parent"/> (empty auth) from a TPM2B_PUBLIC template.</summary>
    public CreatedObject Create(TpmKey parent, ReadOnlySpan<byte> tpm2bPublicTemplate)
    {
        using var inPublic = NativeStruct.Unmarshal(MuCodec.Tpm2bPublic, tpm2bPublicTemplate, "the object template");
        using var inSensitive = NativeStruct.Zeroed();
        using var outsideInfo = NativeStruct.Zeroed();
        using var creationPcr = NativeStruct.Zeroed();
        lock (_lock)
        {
            CheckOwnKey(parent, nameof(parent));
            void* outPrivate = null, outPublic = null, creationData = null, creationHash = null, creationTicket = null;
            try
            {
                TpmException.ThrowIfFailed(EsysNative.Esys_Create(Context, parent.EsysHandle,
                    EsysHandles.Password, EsysHandles.None, EsysHandles.None,
                    inSensitive.Pointer, inPublic.Pointer, outsideInfo.Pointer, creationPcr.Pointer,
                    &outPrivate, &outPublic, &creationData, &creationHash, &creationTicket), "Esys_Create");
                return new CreatedObject(
                    NativeStruct.Marshal(MuCodec.Tpm2bPrivate, outPrivate, "Create outPrivate"),
                    NativeStruct.Marshal(MuCodec.Tpm2bPublic, outPublic, "Create outPublic"),
                    NativeStruct.Marshal(MuCodec.Tpm2bCreationData, creationData, "Create creationData"),
                    NativeStruct.Marshal(MuCodec.Tpm2bDigest, creationHash, "Create creationHash"),
                    NativeStruct.Marshal(MuCodec.TpmtTkCreation, creationTicket, "Create creationTicket"));
            }
            finally
            {
                EsysMemory.Free(outPrivate, outPublic, creationData, creationHash, creationTicket);
            }
        }
    }

    /// <summary>TPM2_Load of an object created under <paramref name="parent"/>. Returns a transient key.</summary>
    public TpmKey Load(TpmKey parent, CreatedObject created)
    {
        ArgumentNullException.ThrowIfNull(created);
        return Load(parent, created.Private.Span, created.Public.Span);
    }

    /// <summary>TPM2_Load from the TPM2B_PRIVATE and TPM2B_PUBLIC wire bytes. Returns a transient key.</summary>
    public TpmKey Load(TpmKey parent, ReadOnlySpan<byte> tpm2bPrivate, ReadOnlySpan<byte> tpm2bPublic)
    {
        using var inPrivate = NativeStruct.Unmarshal(MuCodec.Tpm2bPrivate, tpm2bPrivate, "the private area to load");
        using var inPublic = NativeStruct.Unmarshal(MuCodec.Tpm2bPublic, tpm2bPublic, "the public area to load");
        var publicArea = tpm2bPublic.ToArray();
        lock (_lock)
        {
            CheckOwnKey(parent, nameof(parent));
            uint handle = EsysHandles.None;
            try
            {
                TpmException.ThrowIfFailed(EsysNative.Esys_Load(Context, parent.EsysHandle,
                    EsysHandles.Password, EsysHandles.None, EsysHandles.None,
                    inPrivate.Pointer, inPublic.Pointer, &handle), "Esys_Load");
                return Track(new TpmKey(this, handle, publicArea, GetName(handle), persistentHandle: null));
            }
            catch
            {
                FlushQuietly(handle);
                throw;
            }
        }
    }

    /// <summary>TPM2_EvictControl (owner auth): makes a copy of <paramref name="key"/> persistent at <paramref name="persistentHandle"/>.</summary>
    public void Persist(TpmKey key, uint persistentHandle)
    {
        CheckPersistentHandle(persistentHandle);
        lock (_lock)
        {
            CheckOwnKey(key, nameof(key));
            uint newHandle = EsysHandles.None;
            TpmException.ThrowIfFailed(EsysNative.Esys_EvictControl(Context, EsysHandles.Owner, key.EsysHandle,
                EsysHandles.Password, EsysHandles.None, EsysHandles.None, persistentHandle, &newHandle),
                $"Esys_EvictControl(persist at 0x{persistentHandle:x8})");
            CloseQuietly(newHandle);
        }
    }

    /// <summary>Removes the persistent object at <paramref name="persistentHandle"/>; false if there was none.</summary>
    public bool EvictPersistent(uint persistentHandle)
    {
        CheckPersistentHandle(persistentHandle);
        lock (_lock)
        {
            var handle = FromTpmHandle(persistentHandle);
            if (handle is null) return false;
            var esysHandle = handle.Value;
            try
            {
                uint newHandle = EsysHandles.None;
                TpmException.ThrowIfFailed(EsysNative.Esys_EvictControl(Context, EsysHandles.Owner, esysHandle,
                    EsysHandles.Password, EsysHandles.None, EsysHandles.None, persistentHandle, &newHandle),
                    $"Esys_EvictControl(evict 0x{persistentHandle:x8})");
                return true;
            }
            finally
            {
                // Esys keeps the resource of an evicted persistent object; release it (not a TPM flush).
                CloseQuietly(esysHandle);
            }
        }
    }

    /// <summary>
    /// The persistent key at <paramref name="persistentHandle"/>, or null if none is there. Disposing
    /// it releases the Esys handle only; the key stays persistent.
    /// </summary>
    public TpmKey? OpenPersistent(uint persistentHandle)
    {
        CheckPersistentHandle(persistentHandle);
        lock (_lock)
        {
            var handle = FromTpmHandle(persistentHandle);
            if (handle is null) return null;
            void* outPublic = null, name = null;
            try
            {
                TpmException.ThrowIfFailed(EsysNative.Esys_ReadPublic(Context, handle.Value,
                    EsysHandles.None, EsysHandles.None, EsysHandles.None, &outPublic, &name, null), "Esys_ReadPublic");
                return new TpmKey(this, handle.Value,
                    NativeStruct.Marshal(MuCodec.Tpm2bPublic, outPublic, "ReadPublic outPublic"),
                    NameContent(NativeStruct.Marshal(MuCodec.Tpm2bName, name, "ReadPublic name")),
                    persistentHandle);
            }
            catch
            {
                CloseQuietly(handle.Value);
                throw;
            }
            finally
            {
                EsysMemory.Free(outPublic, name);
            }
        }
    }

    /// <summary>An Esys handle for a TPM handle (persistent object or NV index), or null when the TPM has no such handle.</summary>
    private uint? FromTpmHandle(uint tpmHandle)
    {
        uint handle = EsysHandles.None;
        var rc = EsysNative.Esys_TR_FromTPMPublic(Context, tpmHandle, EsysHandles.None, EsysHandles.None, EsysHandles.None, &handle);
        if (rc == 0) return handle;
        var error = new TpmException(rc, $"Esys_TR_FromTPMPublic(0x{tpmHandle:x8})");
        if (error.Is(TpmResponseCodes.Handle)) return null;
        throw error;
    }

    private byte[] GetName(uint handle)
    {
        void* name = null;
        try
        {
            TpmException.ThrowIfFailed(EsysNative.Esys_TR_GetName(Context, handle, &name), "Esys_TR_GetName");
            return NameContent(NativeStruct.Marshal(MuCodec.Tpm2bName, name, "the object's name"));
        }
        finally
        {
            EsysMemory.Free(name);
        }
    }

    /// <summary>The TPM2B_NAME content: the name without its 16-bit size.</summary>
    private static byte[] NameContent(byte[] tpm2bName)
    {
        var reader = new Encoding.TpmReader(tpm2bName, "TPM2B_NAME");
        var name = reader.Sized().ToArray();
        reader.ExpectEnd();
        return name;
    }

    private static void CheckPersistentHandle(uint handle)
    {
        // TPM_HT_PERSISTENT: 0x81000000-0x81ffffff.
        if (handle >> 24 != 0x81)
            throw new ArgumentOutOfRangeException(nameof(handle), $"0x{handle:x8} is not a persistent handle (0x81xxxxxx)");
    }
}
