using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Mqtt;

/// <summary>
/// A real mosquitto broker on two free loopback ports: a plain listener that lets anyone in and a
/// TLS listener that demands a client certificate from the rig's own CA and uses its common name as
/// the user name. No persistence: every start is a fresh broker. The fault tests stop it and bring
/// it back on the same ports, which is what a broker restart looks like to a client.
/// </summary>
public sealed class MosquittoRig : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly RigDirectory _directory;
    private readonly RigCertificateAuthority _authority;
    private readonly string _configPath;
    private RigProcess? _process;
    private int _starts;

    public string Host => "127.0.0.1";
    public int PlainPort { get; }
    public int TlsPort { get; }
    /// <summary>PEM file of the CA that signed the broker's certificate and the client certificates.</summary>
    public string CaPath { get; }
    public string Directory => _directory.Path;
    public bool IsRunning => _process is { HasExited: false };
    public int? Pid => _process?.Pid;

    private MosquittoRig(RigDirectory directory, RigCertificateAuthority authority, int plainPort, int tlsPort, string caPath, string configPath)
    {
        _directory = directory;
        _authority = authority;
        PlainPort = plainPort;
        TlsPort = tlsPort;
        CaPath = caPath;
        _configPath = configPath;
    }

    /// <summary>Creates the CA and certificates, writes mosquitto.conf and starts the broker.</summary>
    public static async Task<MosquittoRig> StartAsync()
    {
        var directory = new RigDirectory("mosquitto");
        var authority = RigCertificateAuthority.Create("GeoEdge rig MQTT CA");
        try
        {
            var certs = directory.Sub("certs");
            var caPath = authority.WriteCertificate(Path.Combine(certs, "ca.crt"));
            var (serverCert, serverKey) = authority.IssueServer(certs, "server");

            // A port taken between FreePort.Next and mosquitto's bind shows up as a start failure;
            // fresh ports are then tried, which a restart (same ports, by design) cannot do.
            RigException? lastFailure = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var plainPort = FreePort.Next();
                var tlsPort = FreePort.Next();
                if (plainPort == tlsPort) continue;
                var configPath = directory.File("mosquitto.conf");
                File.WriteAllText(configPath, MosquittoConfig.Render(plainPort, tlsPort, caPath, serverCert, serverKey));
                var rig = new MosquittoRig(directory, authority, plainPort, tlsPort, caPath, configPath);
                try
                {
                    await rig.StartProcessAsync();
                    return rig;
                }
                catch (RigException e)
                {
                    rig.StopProcess();
                    lastFailure = e;
                }
            }
            throw new RigException("mosquitto did not start on free loopback ports after 3 attempts", lastFailure);
        }
        catch
        {
            authority.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>A certificate and key (PEM paths) for a client with this common name, signed by the rig CA.</summary>
    public (string CertPath, string KeyPath) IssueClientCertificate(string commonName) =>
        _authority.IssueClient(_directory.Sub("certs"), commonName);

    /// <summary>Stops the broker (SIGTERM, SIGKILL after a grace period). The ports stay reserved for
    /// <see cref="StartAgainAsync"/> only by convention: nothing else on this machine should take them.</summary>
    public void Stop() => StopProcess();

    /// <summary>SIGKILL: the broker gets no chance to send DISCONNECT, as in a power cut.</summary>
    public void Kill()
    {
        _process?.Kill9();
        DisposeProcess();
    }

    /// <summary>SIGSTOP: the broker keeps its connections but stops answering (no PUBACK, no PINGRESP).</summary>
    public void Freeze() => ProcessSignals.Freeze(_process?.Pid ?? throw new RigException("mosquitto is not running"));

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => ProcessSignals.Thaw(_process?.Pid ?? throw new RigException("mosquitto is not running"));

    /// <summary>Starts the broker again on the same ports with the same certificates.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning) throw new RigException("mosquitto is still running; Stop() it before starting it again");
        DisposeProcess();
        // The old listening sockets are closed by then, but a client's outgoing connection may
        // briefly hold the port number as its local port; a few retries cover that.
        RigException? lastFailure = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                await StartProcessAsync();
                return;
            }
            catch (RigException e)
            {
                lastFailure = e;
                StopProcess();
                await Task.Delay(200);
            }
        }
        throw new RigException($"mosquitto did not come back on 127.0.0.1:{PlainPort} and :{TlsPort}", lastFailure);
    }

    /// <summary>The broker's recent log lines, for assertion messages.</summary>
    public string LogTail(int lines = 40) => _process?.Tail(lines) ?? "(mosquitto is not running)";

    private async Task StartProcessAsync()
    {
        _starts++;
        var process = RigProcess.Start($"mosquitto-{_starts}", "mosquitto", ["-c", _configPath], _directory.Path);
        _process = process;
        try
        {
            await FreePort.WaitListeningAsync(PlainPort, StartTimeout, () => !process.HasExited);
            await FreePort.WaitListeningAsync(TlsPort, StartTimeout, () => !process.HasExited);
        }
        catch (RigException e)
        {
            throw new RigException($"{e.Message}; mosquitto log:\n{process.Tail()}", e);
        }
    }

    private void StopProcess()
    {
        _process?.Stop(TimeSpan.FromSeconds(3));
        DisposeProcess();
    }

    private void DisposeProcess()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        DisposeProcess();
        _authority.Dispose();
        _directory.Dispose();
    }
}
