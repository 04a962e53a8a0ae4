using GeoEdge.Drivers.Tpm.Native;

namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// One connection to a TPM 2.0 through tpm2-tss ESAPI, opened with a TCTI configuration string:
/// "device:/dev/tpmrm0" on hardware, "swtpm:host=127.0.0.1,port=N" against swtpm.
/// </summary>
/// <remarks>
/// Thread-safety: an ESYS_CONTEXT is not thread-safe, so every public member takes one lock and the
/// TPM sees one command at a time; calls from several threads are safe but serialised.
/// Resources: no resource manager is assumed (swtpm has none). Every transient object this class
/// loads is a <see cref="TpmKey"/> that flushes it on Dispose, every session is flushed before the
/// call that started it returns (also on error paths), and Dispose of the device flushes any
/// transient key still loaded. After the TPM is reset (reboot, swtpm restart) open a new device.
/// </remarks>
public sealed unsafe partial class TpmDevice : IDisposable
{
    private readonly Lock _lock = new();
    private readonly HashSet<TpmKey> _transientKeys = [];
    private nint _tcti;
    private nint _esys;

    /// <summary>The TCTI configuration this device was opened with.</summary>
    public string Tcti { get; }

    private TpmDevice(string tcti, nint tctiContext, nint esysContext)
    {
        Tcti = tcti;
        _tcti = tctiContext;
        _esys = esysContext;
    }

    /// <summary>Connects to the TPM named by <paramref name="tcti"/>; throws <see cref="TpmException"/> if it cannot.</summary>
    public static TpmDevice Open(string tcti)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tcti);
        nint tctiContext = 0;
        TpmException.ThrowIfFailed(TctiLdrNative.Tss2_TctiLdr_Initialize(tcti, &tctiContext), $"Tss2_TctiLdr_Initialize(\"{tcti}\")");
        nint esysContext = 0;
        var rc = EsysNative.Esys_Initialize(&esysContext, tctiContext, null);
        if (rc != 0)
        {
            TctiLdrNative.Tss2_TctiLdr_Finalize(&tctiContext);
            throw new TpmException(rc, "Esys_Initialize");
        }
        return new TpmDevice(tcti, tctiContext, esysContext);
    }

    /// <summary>The ESYS context, for use under <see cref="_lock"/> only.</summary>
    private nint Context
    {
        get
        {
            ObjectDisposedException.ThrowIf(_esys == 0, this);
            return _esys;
        }
    }

    private TpmKey Track(TpmKey key)
    {
        if (key.PersistentHandle is null) _transientKeys.Add(key);
        return key;
    }

    private void CheckOwnKey(TpmKey key, string argument)
    {
        ArgumentNullException.ThrowIfNull(key, argument);
        if (!key.BelongsTo(this)) throw new ArgumentException("the key was loaded through another TpmDevice", argument);
        if (key.IsClosed) throw new ObjectDisposedException(argument, "the key has been flushed or closed");
    }

    /// <summary>Flushes a transient key or closes the Esys handle of a persistent one.</summary>
    internal void Release(TpmKey key)
    {
        lock (_lock)
        {
            if (key.IsClosed) return;
            if (_esys == 0) throw new ObjectDisposedException(nameof(TpmDevice));
            var handle = key.EsysHandle;
            key.MarkClosed();
            _transientKeys.Remove(key);
            if (key.PersistentHandle is null)
                TpmException.ThrowIfFailed(EsysNative.Esys_FlushContext(_esys, handle), "Esys_FlushContext");
            else
                TpmException.ThrowIfFailed(EsysNative.Esys_TR_Close(_esys, &handle), "Esys_TR_Close");
        }
    }

    /// <summary>Flushes a transient object or session; used on error paths, where the first error is the one to report.</summary>
    private void FlushQuietly(uint handle)
    {
        if (handle != EsysHandles.None) EsysNative.Esys_FlushContext(_esys, handle);
    }

    private void CloseQuietly(uint handle)
    {
        if (handle != EsysHandles.None) EsysNative.Esys_TR_Close(_esys, &handle);
    }

    /// <summary>Flushes every transient key still loaded, then closes ESAPI and the TCTI.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_esys == 0) return;
            foreach (var key in _transientKeys)
            {
                FlushQuietly(key.EsysHandle);
                key.MarkClosed();
            }
            _transientKeys.Clear();
            var esys = _esys;
            EsysNative.Esys_Finalize(&esys);
            _esys = 0;
            var tcti = _tcti;
            TctiLdrNative.Tss2_TctiLdr_Finalize(&tcti);
            _tcti = 0;
        }
    }
}
