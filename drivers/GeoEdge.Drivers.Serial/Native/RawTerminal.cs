using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Serial.Native;

/// <summary>
/// Puts a tty into raw 8N1 mode at a given speed. <c>struct termios</c> is handled as an opaque
/// buffer: filled by tcgetattr, changed by cfmakeraw and cfset*speed, written by tcsetattr. That
/// keeps us independent of its size and field order, which differ between C libraries and CPUs.
/// </summary>
internal static unsafe class RawTerminal
{
    // glibc's struct termios is 60 bytes, musl's 60, bionic's 36; 256 leaves room for any of them.
    private const int OpaqueTermiosSize = 256;

    internal static void Configure(SafeSerialHandle handle, uint speed, string path)
    {
        var fd = handle.Fd;
        byte* termios = stackalloc byte[OpaqueTermiosSize];
        new Span<byte>(termios, OpaqueTermiosSize).Clear();

        if (LibC.TcGetAttr(fd, termios) != 0) throw SerialPortException.FromLastError("tcgetattr", path);
        LibC.CfMakeRaw(termios);
        ControlFlags.MakeLocal8N1(termios);
        if (LibC.CfSetISpeed(termios, speed) != 0) throw SerialPortException.FromLastError("cfsetispeed", path);
        if (LibC.CfSetOSpeed(termios, speed) != 0) throw SerialPortException.FromLastError("cfsetospeed", path);
        if (LibC.TcSetAttr(fd, LibC.TCSANOW, termios) != 0) throw SerialPortException.FromLastError("tcsetattr", path);

        // Whatever the device sent while nobody was reading (a pty buffers it, a UART FIFO holds
        // it) is stale: a position from before we opened must not look like a current one.
        if (LibC.TcFlush(fd, LibC.TCIFLUSH) != 0) throw SerialPortException.FromLastError("tcflush", path);
    }

    /// <summary>
    /// The one deliberate exception to "opaque": cfmakeraw sets 8 data bits and no parity but
    /// leaves the stop bits, the receiver enable and the modem-control handling as the previous
    /// user of the port left them. A GNSS receiver on a UART with CRTSCTS left on never sends,
    /// one without CLOCAL hangs up when DCD drops, one without CREAD never receives. c_cflag is
    /// the third 32-bit word of struct termios on every Linux ABI; the bit values below are the
    /// asm-generic ones, so the change is made only on CPUs that use them. Elsewhere the kernel's
    /// defaults (CREAD on, one stop bit) apply.
    /// </summary>
    private static class ControlFlags
    {
        private const int CFlagOffset = 8;
        private const uint CSTOPB = 0x40;
        private const uint CREAD = 0x80;
        private const uint CLOCAL = 0x800;
        private const uint CRTSCTS = 0x80000000;

        internal static void MakeLocal8N1(byte* termios)
        {
            if (!UsesGenericTermbits()) return;
            var cflag = (uint*)(termios + CFlagOffset);
            *cflag = (*cflag | CREAD | CLOCAL) & ~(CSTOPB | CRTSCTS);
        }

        private static bool UsesGenericTermbits() => RuntimeInformation.ProcessArchitecture is
            Architecture.X64 or Architecture.X86 or Architecture.Arm64 or Architecture.Arm or
            Architecture.Armv6 or Architecture.RiscV64 or Architecture.LoongArch64;
    }
}
