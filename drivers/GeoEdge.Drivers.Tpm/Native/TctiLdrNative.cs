using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Tpm.Native;

/// <summary>libtss2-tctildr: picks the TCTI module ("swtpm", "device", ...) named in the config string.</summary>
internal static unsafe partial class TctiLdrNative
{
    private const string Library = "libtss2-tctildr.so.0";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Tss2_TctiLdr_Initialize(string nameConf, nint* context);

    [LibraryImport(Library)]
    internal static partial void Tss2_TctiLdr_Finalize(nint* context);
}
