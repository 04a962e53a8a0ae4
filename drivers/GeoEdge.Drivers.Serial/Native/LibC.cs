using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Serial.Native;

/// <summary>
/// The few libc calls a serial port needs. <c>struct termios</c> is passed as an opaque byte
/// buffer (see <see cref="RawTerminal"/>) so that nothing here mirrors its C layout.
/// </summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    // open(2) is variadic; the mode argument is only read with O_CREAT, which we never pass.
    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "tcgetattr", SetLastError = true)]
    internal static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport(Library, EntryPoint = "tcsetattr", SetLastError = true)]
    internal static partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport(Library, EntryPoint = "cfmakeraw")]
    internal static partial void CfMakeRaw(byte* termios);

    [LibraryImport(Library, EntryPoint = "cfsetispeed", SetLastError = true)]
    internal static partial int CfSetISpeed(byte* termios, uint speed);

    [LibraryImport(Library, EntryPoint = "cfsetospeed", SetLastError = true)]
    internal static partial int CfSetOSpeed(byte* termios, uint speed);

    [LibraryImport(Library, EntryPoint = "tcflush", SetLastError = true)]
    internal static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport(Library, EntryPoint = "strerror")]
    internal static partial nint StrError(int errno);

    // Linux values (identical on x86, x86-64, arm, arm64, riscv64: asm-generic/fcntl.h).
    internal const int O_RDWR = 0x2;
    internal const int O_NOCTTY = 0x100;
    internal const int O_NONBLOCK = 0x800;
    internal const int O_CLOEXEC = 0x80000;

    internal const int TCSANOW = 0;
    internal const int TCIFLUSH = 0;

    internal const short POLLIN = 0x1;
    internal const short POLLOUT = 0x4;
    internal const short POLLERR = 0x8;
    internal const short POLLHUP = 0x10;
    internal const short POLLNVAL = 0x20;
}

/// <summary><c>struct pollfd</c>: the same three fields on every Linux ABI.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    public int Fd;
    public short Events;
    public short ReturnedEvents;
}
