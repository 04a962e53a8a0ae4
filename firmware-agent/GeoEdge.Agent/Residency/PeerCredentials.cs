using System.Net.Sockets;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// Who is at the other end of a Unix socket connection, as the kernel recorded it at connect()
/// (SO_PEERCRED, struct ucred { pid_t pid; uid_t uid; gid_t gid; }): logged with each request for audit.
/// Read with Socket.GetRawSocketOption, which is getsockopt(2) on the socket's own descriptor, so no
/// descriptor leaves the SafeHandle that owns it.
/// </summary>
public readonly record struct PeerCredentials(int Pid, uint Uid, uint Gid)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>The peer's credentials, or null when the kernel gives none (the log then says "unknown peer").</summary>
    public static PeerCredentials? Of(Socket socket)
    {
        Span<byte> ucred = stackalloc byte[12];
        try
        {
            if (socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred) != ucred.Length) return null;
        }
        catch (SocketException)
        {
            return null;
        }
        // Native byte order: the struct is the kernel's, not a wire format.
        return new PeerCredentials(
            BitConverter.ToInt32(ucred[..4]),
            BitConverter.ToUInt32(ucred[4..8]),
            BitConverter.ToUInt32(ucred[8..12]));
    }

    public override string ToString() => $"pid {Pid} uid {Uid} gid {Gid}";
}
