using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Tpm;

/// <summary>
/// A software TPM 2.0 for tests: swtpm with a manufactured state (RSA 2048 and ECC P-256 EKs with
/// certificates from a local CA that lives in the rig directory, a platform certificate, sha256 PCR
/// bank), listening on free loopback ports. Reach it with <see cref="Tcti"/> (tpm2-tss) or
/// <see cref="RunTpm2ToolAsync"/> (tpm2-tools). Dispose stops swtpm by PID.
/// </summary>
public sealed class SwtpmRig : IDisposable
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(15);

    private readonly string _workDirectory;
    private readonly Action<string> _progress;
    private RigProcess? _swtpm;

    /// <summary>The TPM's command port; the control port is the next one.</summary>
    public int ServerPort { get; private set; }
    public int ControlPort => ServerPort + 1;
    public string StateDirectory { get; }

    /// <summary>TCTI configuration string for Tss2_TctiLdr_Initialize and TPM2TOOLS_TCTI.</summary>
    public string Tcti => $"swtpm:host=127.0.0.1,port={ServerPort}";

    /// <summary>The local CA's self-signed root (PEM): the trust anchor of both EK certificates.</summary>
    public string RootCaCertificatePath { get; }

    /// <summary>The local CA's intermediate (PEM) that signed the EK and platform certificates.</summary>
    public string IntermediateCaCertificatePath { get; }

    /// <summary>How many times swtpm has been started on this state (1 after <see cref="StartAsync"/>).</summary>
    public int Starts { get; private set; }

    private SwtpmRig(string workDirectory, int serverPort, SwtpmConfigFiles config, Action<string> progress)
    {
        _workDirectory = workDirectory;
        _progress = progress;
        ServerPort = serverPort;
        StateDirectory = Path.Combine(workDirectory, "state");
        RootCaCertificatePath = config.RootCertificate;
        IntermediateCaCertificatePath = config.IntermediateCertificate;
    }

    /// <summary>
    /// Manufactures a fresh TPM state in <paramref name="directory"/> (sub-folder "swtpm") and starts
    /// swtpm on it. Key generation takes a few seconds; <paramref name="progress"/> gets a line per step.
    /// </summary>
    public static async Task<SwtpmRig> StartAsync(RigDirectory directory, Action<string>? progress = null)
    {
        var workDirectory = directory.Sub("swtpm");
        var log = progress ?? (_ => { });
        var config = SwtpmConfigFiles.Write(workDirectory);
        var rig = new SwtpmRig(workDirectory, FreePort.NextPair(), config, log);
        try
        {
            Directory.CreateDirectory(rig.StateDirectory);
            await rig.ManufactureAsync(config);
            await rig.StartProcessAsync();
            await EccEkCertificateProvisioner.ProvisionAsync(workDirectory, config, rig.Tpm2ToolsEnvironment, log);
            log($"swtpm ready at {rig.Tcti}");
            return rig;
        }
        catch
        {
            rig.Dispose();
            throw;
        }
    }

    /// <summary>Environment for tpm2-tools so that they talk to this swtpm.</summary>
    public IReadOnlyDictionary<string, string> Tpm2ToolsEnvironment => new Dictionary<string, string>
    {
        ["TPM2TOOLS_TCTI"] = Tcti,
        // swtpm_setup and the tools put scratch files under TMPDIR: keep them in the rig directory.
        ["TMPDIR"] = _workDirectory,
    };

    /// <summary>Runs a tpm2-tools command against this swtpm; returns its output lines; throws RigException on failure.</summary>
    public Task<IReadOnlyList<string>> RunTpm2ToolAsync(string tool, params string[] arguments) =>
        RigTool.RunAsync(tool, tool, arguments, _workDirectory, TimeSpan.FromSeconds(60), Tpm2ToolsEnvironment);

    private async Task ManufactureAsync(SwtpmConfigFiles config)
    {
        _progress("manufacturing the TPM state with swtpm_setup (RSA 2048 + ECC EKs, certificates, local CA)");
        await RigTool.RunAsync("swtpm_setup", "swtpm_setup",
        [
            "--tpm2",
            "--tpmstate", StateDirectory,
            "--config", config.SetupConfig,
            "--create-ek-cert",
            "--create-platform-cert",
            "--pcr-banks", "sha256",
            "--logfile", Path.Combine(_workDirectory, "swtpm_setup-detail.log"),
        ], _workDirectory, SetupTimeout, Tpm2ToolsEnvironment, line => _progress($"swtpm_setup: {line}"));
        foreach (var line in File.ReadLines(Path.Combine(_workDirectory, "swtpm_setup-detail.log")))
            _progress($"swtpm_setup: {line}");
    }

    private async Task StartProcessAsync()
    {
        // After a stop the kernel may briefly refuse the same port; swtpm then exits at once. Retry.
        for (var attempt = 1; ; attempt++)
        {
            var process = RigProcess.Start("swtpm", "swtpm",
            [
                "socket", "--tpm2",
                "--tpmstate", $"dir={StateDirectory}",
                "--server", $"type=tcp,port={ServerPort},bindaddr=127.0.0.1",
                "--ctrl", $"type=tcp,port={ControlPort},bindaddr=127.0.0.1",
                // Power on and send TPM2_Startup(CLEAR) by itself, as firmware would at boot.
                "--flags", "not-need-init,startup-clear",
            ], _workDirectory);
            try
            {
                await FreePort.WaitListeningAsync(ServerPort, ListenTimeout, () => !process.HasExited);
                _swtpm = process;
                Starts++;
                _progress($"swtpm started (pid {process.Pid}) on 127.0.0.1:{ServerPort}, control port {ControlPort}");
                return;
            }
            catch (RigException e)
            {
                var tail = process.Tail();
                process.Dispose();
                if (attempt >= 10)
                    throw new RigException($"swtpm did not start on 127.0.0.1:{ServerPort}: {e.Message}\n{tail}", e);
                // Before the first start nobody knows the ports yet: if another process took them between
                // FreePort.NextPair and swtpm's bind (tests run in parallel), take another pair rather than
                // waiting for ports that will not come free. A restart keeps its ports: clients hold the TCTI.
                if (Starts == 0 && tail.Contains("Address already in use", StringComparison.Ordinal))
                    ServerPort = FreePort.NextPair();
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Stops swtpm (SIGTERM, then SIGKILL). The state directory stays for a restart.</summary>
    public void Stop()
    {
        _swtpm?.Dispose();
        _swtpm = null;
    }

    /// <summary>
    /// Stops and starts swtpm on the same state and ports, like a power cycle: transient objects and
    /// sessions are gone, persistent objects and NV stay; <paramref name="kind"/> decides what the
    /// TPM's reset/restart counters and clock do. Open TPM contexts must be closed before (an orderly
    /// shutdown needs the TPM) and reopened after.
    /// </summary>
    public async Task RestartAsync(SwtpmRestart kind = SwtpmRestart.OrderlyReboot)
    {
        switch (kind)
        {
            case SwtpmRestart.OrderlyReboot:
                await RunTpm2ToolAsync("tpm2_shutdown", "--clear");
                break;
            case SwtpmRestart.SavedStateRestart:
                await RunTpm2ToolAsync("tpm2_shutdown");
                break;
            case SwtpmRestart.PowerLoss:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown restart kind");
        }
        Stop();
        _progress($"restarting swtpm on the same state ({kind})");
        await StartProcessAsync();
    }

    public bool IsRunning => _swtpm is { HasExited: false };

    public void Dispose() => Stop();
}
