using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// A key loaded in the TPM, as an Esys handle of one <see cref="TpmDevice"/>. Disposing a transient
/// key flushes it from the TPM (there is no resource manager on swtpm, and TPM object slots are few);
/// disposing a persistent key only releases the Esys handle, the key stays in the TPM.
/// </summary>
public sealed class TpmKey : IDisposable
{
    private readonly TpmDevice _device;

    /// <summary>The TPM2B_PUBLIC wire bytes of the key.</summary>
    public ReadOnlyMemory<byte> Public { get; }

    /// <summary>The TPM name (nameAlg || H(TPMT_PUBLIC)), the key's identity in MakeCredential and policies.</summary>
    public ReadOnlyMemory<byte> Name { get; }

    /// <summary>The persistent handle (0x81xxxxxx) for a persistent key, null for a transient one.</summary>
    public uint? PersistentHandle { get; }

    internal uint EsysHandle { get; private set; }
    internal bool IsClosed => EsysHandle == EsysHandles.None;

    internal TpmKey(TpmDevice device, uint esysHandle, byte[] publicArea, byte[] name, uint? persistentHandle)
    {
        _device = device;
        EsysHandle = esysHandle;
        Public = publicArea;
        Name = name;
        PersistentHandle = persistentHandle;
    }

    internal bool BelongsTo(TpmDevice device) => ReferenceEquals(device, _device);

    /// <summary>Called by the device (under its lock) once the handle has been flushed or closed.</summary>
    internal void MarkClosed() => EsysHandle = EsysHandles.None;

    /// <summary>Flushes (transient) or closes (persistent) now; throws <see cref="TpmException"/> if the TPM refuses.</summary>
    public void Close() => _device.Release(this);

    /// <summary>Like <see cref="Close"/> but never throws: a flush failure here means the TPM is gone or was reset.</summary>
    public void Dispose()
    {
        try { _device.Release(this); }
        catch (TpmException) { /* the TPM lost the object (reset or restart); nothing left to free */ }
        catch (ObjectDisposedException) { /* the device flushed its keys when it was disposed */ }
    }
}
