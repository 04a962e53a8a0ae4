using System.Runtime.InteropServices;
using GeoEdge.Agent.Configuration;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// The socket's path on disk: its directory made if missing (0755: workloads must be able to reach the
/// socket, whose own mode restricts who may connect), a stale socket from an earlier run removed, but
/// any other kind of file left alone: a misconfigured path must never delete, say, a regular file.
/// The file type comes from statx(2), whose struct is the same on every architecture (unlike stat's).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // file modes and statx are POSIX/Linux
public static partial class SocketFile
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>
    /// 0660: connect(2) on a Unix socket needs write permission on its file, so the agent's user and the
    /// group given to workloads may fetch the proof, and other local users may not (they have no business
    /// learning the host's attestation state, nor loading the agent).
    /// </summary>
    public const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    /// <summary>Makes the directory and clears the path for bind().</summary>
    /// <exception cref="ConfigException">Something that is not a socket sits at the path.</exception>
    public static void Prepare(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory)) Directory.CreateDirectory(directory, DirectoryMode);
        switch (TypeOf(path))
        {
            case FileKind.Missing:
                return;
            case FileKind.Socket:
                File.Delete(path); // left by a run that did not shut down cleanly
                return;
            default:
                throw new ConfigException($"workloadSocket.path '{path}' exists and is not a socket; refusing to replace it");
        }
    }

    public enum FileKind { Missing, Socket, Other }

    /// <summary>The kind of file at the path, not following a symbolic link (a link is "other").</summary>
    public static FileKind TypeOf(string path)
    {
        var statx = new byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, statx) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == ENoEnt) return FileKind.Missing;
            throw new IOException($"cannot inspect '{path}' (statx errno {errno})");
        }
        var mode = BitConverter.ToUInt16(statx, StxModeOffset);
        return (mode & SIfMt) == SIfSock ? FileKind.Socket : FileKind.Other;
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ENoEnt = 2;
    private const int StatxSize = 256;
    private const int StxModeOffset = 28; // after stx_mask, stx_blksize (u32), stx_attributes (u64), stx_nlink, stx_uid, stx_gid (u32)
    private const int SIfMt = 0xF000;
    private const int SIfSock = 0xC000;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);
}
