using System.Collections.Concurrent;
using System.Text;
using GeoEdge.Drivers.Serial;

namespace GeoEdge.Drivers.Modem.Tests;

/// <summary>
/// A tiny modem on the simulator end of a pty pair: reads command lines ended by CR, echoes them
/// when <see cref="Echo"/> is on (as ATE1 does: the command bytes, then the answer), and writes
/// whatever <see cref="Answer"/> returns for it, verbatim. Null from the script, or
/// <see cref="Silent"/>, means no answer at all.
/// </summary>
internal sealed class ScriptedModem : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _opened = new();
    private readonly string _path;
    private Exception? _fault;

    public ConcurrentQueue<string> Received { get; } = new();
    public volatile bool Echo;
    public volatile bool Silent;
    public Func<string, string?> Answer { get; set; }

    private ScriptedModem(string path, Func<string, string?> answer)
    {
        _path = path;
        Answer = answer;
        _thread = new Thread(Run) { IsBackground = true, Name = "scripted modem" };
    }

    public static ScriptedModem Start(string simulatorPath, Func<string, string?> answer)
    {
        var modem = new ScriptedModem(simulatorPath, answer);
        modem._thread.Start();
        if (!modem._opened.Wait(TimeSpan.FromSeconds(10)))
            throw new InvalidOperationException($"scripted modem did not open {simulatorPath}: {modem._fault}");
        if (modem._fault is not null) throw new InvalidOperationException("scripted modem failed", modem._fault);
        return modem;
    }

    /// <summary>V.250 verbose framing: every line as CR LF text CR LF.</summary>
    public static string Lines(params string[] lines) => string.Concat(lines.Select(l => $"\r\n{l}\r\n"));

    /// <summary>A script from a table of exact commands; unknown commands get ERROR.</summary>
    public static Func<string, string?> Table(IReadOnlyDictionary<string, string?> table) =>
        command => table.TryGetValue(command, out var answer) ? answer : Lines("ERROR");

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private void Run()
    {
        try
        {
            using var port = SerialPort.Open(_path, 115200);
            _opened.Set();
            var buffer = new byte[1024];
            var command = new StringBuilder();
            while (!_stop.IsCancellationRequested)
            {
                int count;
                try { count = port.Read(buffer, TimeSpan.FromMilliseconds(100), _stop.Token); }
                catch (OperationCanceledException) { return; }
                for (var i = 0; i < count; i++)
                {
                    var c = (char)buffer[i];
                    if (c == '\n') continue;
                    if (c != '\r')
                    {
                        command.Append(c);
                        continue;
                    }
                    var line = command.ToString();
                    command.Clear();
                    Received.Enqueue(line);
                    if (Silent) continue;
                    var reply = (Echo ? line + "\r" : "") + (Answer(line) ?? "");
                    if (reply.Length > 0) port.Write(Encoding.Latin1.GetBytes(reply), _stop.Token);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _fault = e;
            _opened.Set();
        }
    }
}
