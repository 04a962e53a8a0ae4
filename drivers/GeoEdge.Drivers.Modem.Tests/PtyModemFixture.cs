using GeoEdge.Drivers.Serial;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Serial;

namespace GeoEdge.Drivers.Modem.Tests;

/// <summary>
/// One socat pty pair, a <see cref="ScriptedModem"/> on its simulator end and an <see cref="AtChannel"/>
/// on a <see cref="SerialAtTransport"/> on its device end: the whole path the agent uses.
/// </summary>
internal sealed class PtyModemFixture : IAsyncDisposable
{
    public static readonly AtChannelOptions FastOptions = new()
    {
        DefaultTimeout = TimeSpan.FromMilliseconds(1500),
        ProbeTimeout = TimeSpan.FromMilliseconds(300),
        ProbeAttempts = 3,
        RecoveryDrain = TimeSpan.FromMilliseconds(50),
    };

    private readonly RigDirectory _directory;
    private readonly PtyPair _pair;
    public ScriptedModem Modem { get; }
    public AtChannel Channel { get; }
    public List<string> Unsolicited { get; } = [];

    private PtyModemFixture(RigDirectory directory, PtyPair pair, ScriptedModem modem, AtChannel channel)
    {
        _directory = directory;
        _pair = pair;
        Modem = modem;
        Channel = channel;
        Channel.Unsolicited += line => { lock (Unsolicited) Unsolicited.Add(line); };
    }

    public static async Task<PtyModemFixture> StartAsync(Func<string, string?> script, AtChannelOptions? options = null)
    {
        var directory = new RigDirectory("modem");
        var pair = await PtyPair.StartAsync(directory.Path, "modem");
        var modem = ScriptedModem.Start(pair.SimulatorPath, script);
        var transport = new SerialAtTransport(pair.DevicePath, 115200,
            new SerialLineSourceOptions { InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200), ReadTimeout = TimeSpan.FromMilliseconds(50) });
        return new PtyModemFixture(directory, pair, modem, new AtChannel(transport, options ?? FastOptions));
    }

    public string[] UnsolicitedSoFar()
    {
        lock (Unsolicited) return Unsolicited.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        Modem.Dispose();
        _pair.Dispose();
        _directory.Dispose();
    }
}
