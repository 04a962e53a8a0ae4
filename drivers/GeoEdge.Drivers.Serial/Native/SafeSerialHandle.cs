using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Serial.Native;

/// <summary>
/// Owns the file descriptor. Being a SafeHandle, the descriptor is only closed once no read or
/// write holds a reference, so Dispose racing a Read can never make that Read use a recycled fd.
/// </summary>
internal sealed class SafeSerialHandle : SafeHandle
{
    public SafeSerialHandle(int fd) : base(invalidHandleValue: -1, ownsHandle: true) => SetHandle(fd);

    public override bool IsInvalid => handle == -1;

    public int Fd => (int)handle;

    protected override bool ReleaseHandle() => LibC.Close((int)handle) == 0;
}
