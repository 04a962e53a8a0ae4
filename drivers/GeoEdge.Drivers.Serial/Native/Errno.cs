using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Serial.Native;

/// <summary>Linux errno values the serial code reacts to, and their symbolic names for messages.</summary>
internal static class Errno
{
    internal const int EPERM = 1;
    internal const int ENOENT = 2;
    internal const int EINTR = 4;
    internal const int EIO = 5;
    internal const int ENXIO = 6;
    internal const int EBADF = 9;
    internal const int EAGAIN = 11;
    internal const int EACCES = 13;
    internal const int EBUSY = 16;
    internal const int ENODEV = 19;
    internal const int ENOTDIR = 20;
    internal const int EISDIR = 21;
    internal const int EINVAL = 22;
    internal const int EMFILE = 24;
    internal const int ENOTTY = 25;
    internal const int EPIPE = 32;
    internal const int ELOOP = 40;

    /// <summary>
    /// The errno values that mean the device itself went away (USB unplugged, pty master closed),
    /// as opposed to a mistake in how it was used.
    /// </summary>
    internal static bool MeansDeviceGone(int errno) => errno is EIO or ENXIO or ENODEV or EPIPE;

    internal static string Name(int errno) => errno switch
    {
        0 => "no errno",
        EPERM => "EPERM",
        ENOENT => "ENOENT",
        EINTR => "EINTR",
        EIO => "EIO",
        ENXIO => "ENXIO",
        EBADF => "EBADF",
        EAGAIN => "EAGAIN",
        EACCES => "EACCES",
        EBUSY => "EBUSY",
        ENODEV => "ENODEV",
        ENOTDIR => "ENOTDIR",
        EISDIR => "EISDIR",
        EINVAL => "EINVAL",
        EMFILE => "EMFILE",
        ENOTTY => "ENOTTY",
        EPIPE => "EPIPE",
        ELOOP => "ELOOP",
        _ => $"errno {errno}",
    };

    internal static string Text(int errno)
    {
        if (errno == 0) return "no error code";
        var text = Marshal.PtrToStringUTF8(LibC.StrError(errno));
        return string.IsNullOrEmpty(text) ? $"unknown error {errno}" : text;
    }
}
