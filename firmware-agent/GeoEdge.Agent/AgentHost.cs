using GeoEdge.Agent.Attestation;
using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Cycle;
using GeoEdge.Agent.Enrollment;
using GeoEdge.Agent.Gnss;
using GeoEdge.Agent.Logging;
using GeoEdge.Agent.Measurements;
using GeoEdge.Agent.Modem;
using GeoEdge.Agent.Outbox;
using GeoEdge.Agent.Residency;
using GeoEdge.Agent.State;
using GeoEdge.Drivers.Tpm;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Agent;

/// <summary>
/// Wires the agent together and runs it: GNSS reader, TPM and AK, MQTT link, enrollment, then the
/// cycle timer, the outbox publisher and the result recorder until stopped (or until the configured
/// number of readings was delivered). Exit codes: 0 done, 1 fatal error, 2 configuration error found at start (e.g. a non-socket file at the socket path), 3 enrollment refused.
/// </summary>
public sealed class AgentHost(AgentConfig config)
{
    private readonly AgentLog _log = new("agent");

    public async Task<int> RunAsync(CancellationToken stop)
    {
        var hostId = config.HostId!;
        try
        {
            Directory.CreateDirectory(config.StateDirectory);
            _log.Info($"host {hostId}: TPM {config.Tcti}, GNSS {config.Gnss.Device}@{config.Gnss.BaudRate}, broker {config.Broker.Host}:{config.Broker.Port}, every {config.IntervalSeconds} s");
            var sequence = new SequenceCounter(config.StateDirectory);
            var outbox = new DurableOutbox(config.StateDirectory);
            outbox.Recover(sequence.Last);
            if (outbox.Count > 0) _log.Info($"{outbox.Count} reading(s) from before the restart wait in the outbox");

            using var run = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var gnss = new GnssReceiver(config.Gnss, config.StateDirectory, _log.For("gnss"));
            var gnssTask = gnss.RunAsync(run.Token);

            using var tpm = new PlatformTpm(config.Tcti, ConfigLoader.ParseHandle(config.AkHandle), config.StateDirectory, _log.For("tpm"));
            tpm.EnsureAk();

            // The socket serves from the start: the last countersigned result from before a restart at
            // once, or 503 until the first result of this run is countersigned.
            var residency = new ResidencyStore(config.StateDirectory, hostId, _log.For("residency"));
            var countersigner = new ResultCountersigner(hostId, tpm, config.Pcrs, () => sequence.Last, residency, _log.For("residency"));
            await using var workloadSocket = StartWorkloadSocket(residency);

            var epochs = new EpochStore(config.StateDirectory);
            var savedEpoch = epochs.Load();
            await using var link = new BridgeLink(config, _log.For("mqtt"));
            link.EpochReceived += epoch => epochs.Save(epoch);
            NonceEpoch? CurrentEpoch() => link.Epoch ?? savedEpoch;

            // Going online (broker, epoch, enrollment) runs beside the readings: an agent that starts
            // while the broker is down still makes readings from its last epoch, and they wait in the
            // outbox. Only publishing waits for enrollment.
            var modem = string.IsNullOrEmpty(config.Modem.Device) ? null : new ModemMonitor(config.Modem, _log.For("modem"));
            var modemTask = modem?.RunAsync(run.Token) ?? Task.CompletedTask;
            var composition = await CompositionAsync(modem, run.Token);
            var enroller = new Enroller(tpm, link, hostId, composition, _log.For("enroll"));
            var online = GoOnlineAsync(link, enroller, run.Token);

            var receipts = new DeliveryReceipts();
            var measurements = new MeasurementCollector(config.Measurements, _log.For("measurements"));
            var publisher = new OutboxPublisher(outbox, link, receipts, hostId, _log.For("outbox"));
            if (config.Readings > 0)
                publisher.Acknowledged += _ => { if (publisher.Delivered >= config.Readings) run.Cancel(); };
            var publishing = PublishWhenOnlineAsync(online, publisher, run.Token);
            var recording = new ResultRecorder(link, receipts, measurements, countersigner, config.StateDirectory, _log.For("result")).RunAsync(run.Token);

            if (savedEpoch is null) await WaitOrFailAsync(link.WaitForEpochAsync(run.Token), online);
            else _log.Info($"making readings from the last known epoch until the bridge is reachable");
            await WaitForFirstFixAsync(gnss, run.Token);
            var cycle = new ReadingCycle(hostId, config.Pcrs, gnss, tpm, CurrentEpoch, sequence, outbox, measurements, () => modem?.Report(), _log.For("cycle"));
            await WaitOrFailAsync(RunCyclesAsync(cycle, publisher, run.Token), online);
            await Task.WhenAll(Quietly(publishing), Quietly(recording), Quietly(gnssTask), Quietly(online), Quietly(modemTask));
            _log.Info($"stopped after delivering {publisher.Delivered} reading(s)");
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _log.Info("stopped");
            return 0;
        }
        catch (ConfigException e)
        {
            _log.Error(e.Message);
            return 2;
        }
        catch (EnrollmentRefusedException e)
        {
            _log.Error(e.Message);
            return 3;
        }
        catch (Exception e) when (e is TpmException or IOException or InvalidOperationException or InvalidDataException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            _log.Error($"{e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The workload socket, unless the configuration names none (or the OS has no Unix file modes).</summary>
    private WorkloadSocketServer? StartWorkloadSocket(ResidencyStore residency)
    {
        if (string.IsNullOrEmpty(config.WorkloadSocket.Path)) return null;
        if (!OperatingSystem.IsLinux())
        {
            _log.Warn("the workload socket needs Linux; not serving it");
            return null;
        }
        return WorkloadSocketServer.Start(config.WorkloadSocket, new ResidencyHandler(residency), _log.For("socket"));
    }

    private static async Task GoOnlineAsync(BridgeLink link, Enroller enroller, CancellationToken ct)
    {
        await link.StartAsync(ct);
        await link.WaitForEpochAsync(ct);
        await enroller.EnrollAsync(ct);
    }

    private static async Task PublishWhenOnlineAsync(Task online, OutboxPublisher publisher, CancellationToken ct)
    {
        await online;
        await publisher.RunAsync(ct);
    }

    /// <summary>Awaits <paramref name="work"/>, but ends early with the error if going online fails (an enrollment refusal).</summary>
    private static async Task WaitOrFailAsync(Task work, Task online)
    {
        var first = await Task.WhenAny(work, online);
        if (first == online && online.IsFaulted) await online; // rethrows, e.g. EnrollmentRefusedException
        await work;
    }

    /// <summary>
    /// Gives the receiver a moment to report a fix before the first reading, so a fresh start does
    /// not open with a location-less reading. Bounded: a host with no sky view still reports.
    /// </summary>
    /// <summary>
    /// What the host is made of, as enrolled: the GNSS receiver and, with a modem, its IMEI and the SIM's
    /// ICCID and IMSI from the first read (waited for up to 15 s; without it they are left out and the
    /// bridge will see them appear as a change to approve).
    /// </summary>
    private async Task<HostComposition> CompositionAsync(ModemMonitor? modem, CancellationToken ct)
    {
        var composition = new HostComposition { GnssReceiver = $"ubx+nmea:{config.Gnss.Device}" };
        if (modem is null) return composition;
        var first = await modem.FirstAsync(TimeSpan.FromSeconds(15), ct);
        if (first is null) _log.Warn("no modem read within 15 s: enrolling without IMEI, ICCID and IMSI");
        return first is null ? composition : composition with { Imei = first.Imei, Iccid = first.Iccid, Imsi = first.Imsi };
    }

    private async Task WaitForFirstFixAsync(GnssReceiver gnss, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(config.Gnss.MaxFixAgeSeconds);
        while (gnss.CurrentFix(DateTimeOffset.UtcNow) is null && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(100, ct);
        if (gnss.CurrentFix(DateTimeOffset.UtcNow) is null)
            _log.Warn($"no GNSS fix from {config.Gnss.Device} after {config.Gnss.MaxFixAgeSeconds} s; reading without one");
    }

    private async Task RunCyclesAsync(ReadingCycle cycle, OutboxPublisher publisher, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.IntervalSeconds));
        try
        {
            do
            {
                cycle.RunOnce(DateTimeOffset.UtcNow);
                publisher.Wake();
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    private static async Task Quietly(Task task)
    {
        try { await task; }
        catch (OperationCanceledException) { }
    }
}
