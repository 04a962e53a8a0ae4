using System.Runtime.InteropServices;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Mqtt;

/// <summary>SIGSTOP/SIGCONT by PID: a frozen broker keeps its sockets open but answers nothing,
/// which is how a test holds a QoS 1 message unacknowledged.</summary>
internal static partial class ProcessSignals
{
    private const int Sigcont = 18;
    private const int Sigstop = 19;

    public static void Freeze(int pid) => Send(pid, Sigstop, "SIGSTOP");

    public static void Thaw(int pid) => Send(pid, Sigcont, "SIGCONT");

    private static void Send(int pid, int signal, string name)
    {
        if (Kill(pid, signal) != 0)
            throw new RigException($"{name} to pid {pid} failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
