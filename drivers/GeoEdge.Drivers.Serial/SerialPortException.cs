using System.Runtime.InteropServices;
using GeoEdge.Drivers.Serial.Native;

namespace GeoEdge.Drivers.Serial;

/// <summary>
/// A serial port operation failed. Carries the errno (0 when the kernel reported the condition
/// through poll rather than an errno), its symbolic name, strerror's text and the device path.
/// </summary>
public class SerialPortException : IOException
{
    public int Errno { get; }
    public string ErrnoName { get; }
    public string ErrnoText { get; }
    public string DevicePath { get; }
    public string Operation { get; }

    public SerialPortException(string operation, string devicePath, int errno, string? detail = null)
        : base(Describe(operation, devicePath, errno, detail))
    {
        Operation = operation;
        DevicePath = devicePath;
        Errno = errno;
        ErrnoName = Native.Errno.Name(errno);
        ErrnoText = Native.Errno.Text(errno);
    }

    internal static SerialPortException FromLastError(string operation, string devicePath)
    {
        var errno = Marshal.GetLastPInvokeError();
        return Native.Errno.MeansDeviceGone(errno)
            ? new SerialDeviceGoneException(operation, devicePath, errno)
            : new SerialPortException(operation, devicePath, errno);
    }

    private static string Describe(string operation, string devicePath, int errno, string? detail)
    {
        var cause = errno == 0 ? detail ?? "failed" : $"{Native.Errno.Name(errno)} ({Native.Errno.Text(errno)})";
        var extra = errno != 0 && detail is not null ? $"; {detail}" : "";
        return $"{operation} on {devicePath}: {cause}{extra}";
    }
}

/// <summary>
/// The device went away under an open port: hangup or error reported by poll, EIO, ENXIO,
/// ENODEV, or end of file on a tty. Close the port; the device may come back under the same path.
/// </summary>
public sealed class SerialDeviceGoneException(string operation, string devicePath, int errno, string? detail = null)
    : SerialPortException(operation, devicePath, errno, detail);
