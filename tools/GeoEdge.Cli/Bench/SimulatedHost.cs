using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Agent.Attestation;
using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Cycle;
using GeoEdge.Agent.Enrollment;
using GeoEdge.Agent.Logging;
using GeoEdge.Agent.Measurements;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Cli.Bench;

/// <summary>
/// One host for the bridge benchmark: its own AK in the rig's swtpm, enrolled through the agent's own
/// enrollment code, making attested readings with the agent's own attestation code, measurements
/// included (the rig's boot log and IMA list, which the shared swtpm's PCRs hold).
/// </summary>
public sealed class SimulatedHost : IAsyncDisposable
{
    private static readonly int[] Pcrs = [0, 1, 2, 3, 4, 5, 6, 7, 10];
    private readonly PlatformTpm _tpm;
    private readonly BridgeLink _link;
    private readonly MeasurementCollector _measurements;

    public string HostId { get; }

    private SimulatedHost(string hostId, PlatformTpm tpm, BridgeLink link, MeasurementCollector measurements)
    {
        HostId = hostId;
        _tpm = tpm;
        _link = link;
        _measurements = measurements;
    }

    public static async Task<SimulatedHost> EnrollAsync(string hostId, string tcti, uint akHandle, string stateDirectory, int brokerPort,
        MeasurementsConfig measurements, CancellationToken ct)
    {
        Directory.CreateDirectory(stateDirectory);
        var quiet = new AgentLog(hostId);
        var tpm = new PlatformTpm(tcti, akHandle, stateDirectory, quiet);
        tpm.EnsureAk();
        var config = new AgentConfig { HostId = hostId, Broker = new BrokerConfig { Host = "127.0.0.1", Port = brokerPort } };
        var link = new BridgeLink(config, quiet);
        await link.StartAsync(ct);
        await link.WaitForEpochAsync(ct);
        await new Enroller(tpm, link, hostId, new HostComposition { GnssReceiver = "bench" }, quiet).EnrollAsync(ct);
        return new SimulatedHost(hostId, tpm, link, new MeasurementCollector(measurements, quiet));
    }

    /// <summary>An attested reading at a fixed place, made now with a real quote.</summary>
    public (string Topic, byte[] Payload) MakeReading(ulong seq, double latitude, double longitude)
    {
        var now = DateTimeOffset.UtcNow;
        var reading = new Reading
        {
            V = Reading.CurrentVersion,
            HostId = HostId,
            Seq = seq,
            Time = now,
            NonceEpoch = _link.Epoch!.Epoch,
            Fix = AuthenticatedFixes.At(latitude, longitude, now),
        };
        return (Topics.Readings(HostId), ReadingAttestation.Attest(reading, _tpm, Pcrs, _measurements));
    }

    public Task PublishAsync(string topic, byte[] payload, CancellationToken ct) => _link.PublishAsync(topic, payload, ct);

    public async ValueTask DisposeAsync()
    {
        await _link.DisposeAsync();
        _tpm.Dispose();
    }
}
