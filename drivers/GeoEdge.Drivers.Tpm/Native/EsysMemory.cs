namespace GeoEdge.Drivers.Tpm.Native;

/// <summary>
/// Esys allocates every struct it returns; the caller must Esys_Free each one. Callers collect the
/// output pointers in locals initialised to null and free them all in one finally block, so that
/// they are released on every path, including when marshalling one of them fails.
/// </summary>
internal static unsafe class EsysMemory
{
    public static void Free(void* a, void* b = null, void* c = null, void* d = null, void* e = null)
    {
        if (a is not null) EsysNative.Esys_Free(a);
        if (b is not null) EsysNative.Esys_Free(b);
        if (c is not null) EsysNative.Esys_Free(c);
        if (d is not null) EsysNative.Esys_Free(d);
        if (e is not null) EsysNative.Esys_Free(e);
    }
}
