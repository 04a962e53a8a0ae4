using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Tpm.Native;

/// <summary>libtss2-rc: the TSS's own text for a response code, used in exception messages only.</summary>
internal static unsafe partial class RcNative
{
    private const string Library = "libtss2-rc.so.0";

    [LibraryImport(Library)]
    private static partial byte* Tss2_RC_Decode(uint rc);

    /// <summary>The decoded text, or null when libtss2-rc is not installed (it is optional on a device).</summary>
    internal static string? TryDecode(uint rc)
    {
        try
        {
            return Marshal.PtrToStringUTF8((nint)Tss2_RC_Decode(rc));
        }
        catch (DllNotFoundException) { return null; }
        catch (EntryPointNotFoundException) { return null; }
    }
}
