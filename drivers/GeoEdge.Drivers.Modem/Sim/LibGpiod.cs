using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Modem;

/// <summary>
/// The libgpiod v1 calls (Debian 12 libgpiod2, libgpiod.so.2) a single input line needs. Chip
/// and line are opaque pointers owned by the library; a line belongs to its chip and is freed
/// with it. errno carries the cause of every failure.
/// </summary>
internal static partial class LibGpiod
{
    internal const string Library = "libgpiod.so.2";

    [LibraryImport(Library, EntryPoint = "gpiod_chip_open_lookup", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint ChipOpenLookup(string description);

    [LibraryImport(Library, EntryPoint = "gpiod_chip_get_line", SetLastError = true)]
    internal static partial nint ChipGetLine(nint chip, uint offset);

    [LibraryImport(Library, EntryPoint = "gpiod_line_request_input", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LineRequestInput(nint line, string consumer);

    [LibraryImport(Library, EntryPoint = "gpiod_line_get_value", SetLastError = true)]
    internal static partial int LineGetValue(nint line);

    [LibraryImport(Library, EntryPoint = "gpiod_line_release")]
    internal static partial void LineRelease(nint line);

    [LibraryImport(Library, EntryPoint = "gpiod_chip_close")]
    internal static partial void ChipClose(nint chip);
}
