using GeoEdge.Agent.Attestation;
using GeoEdge.Agent.Gnss;
using GeoEdge.Agent.Logging;
using GeoEdge.Agent.Measurements;
using GeoEdge.Agent.Outbox;
using GeoEdge.Agent.State;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Cycle;

/// <summary>
/// One attestation cycle: take the latest fix, assemble the reading with the next sequence number,
/// quote the PCRs with SHA-256 of the canonical reading as qualifying data, and put the attested
/// reading in the durable outbox. Publishing is the outbox publisher's job, so a broker outage
/// never stops readings from being made.
/// </summary>
public sealed class ReadingCycle(
    string hostId,
    IReadOnlyList<int> pcrs,
    GnssReceiver gnss,
    PlatformTpm tpm,
    Func<NonceEpoch?> currentEpoch,
    SequenceCounter sequence,
    DurableOutbox outbox,
    MeasurementCollector measurements,
    Func<ModemReport?> modem,
    AgentLog log)
{
    public ulong RunOnce(DateTimeOffset now)
    {
        var epoch = currentEpoch() ?? throw new InvalidOperationException("no nonce epoch from the bridge yet");
        var fix = gnss.CurrentFix(now);
        var reading = new Reading
        {
            V = Reading.CurrentVersion,
            HostId = hostId,
            Seq = sequence.Peek(),
            Time = now,
            NonceEpoch = epoch.Epoch,
            Fix = fix,
            Modem = modem(),
        };
        // Stage, commit, release: a crash at any point leaves either no trace of this number or a
        // reading under it that the next start delivers (DurableOutbox.Recover).
        outbox.Stage(reading.Seq, ReadingAttestation.Attest(reading, tpm, pcrs, measurements));
        sequence.Commit(reading.Seq);
        outbox.Release(reading.Seq);
        log.Info(fix is null
            ? $"reading {reading.Seq}: no GNSS fix; quoted and queued"
            : $"reading {reading.Seq}: {fix.Latitude:0.000000},{fix.Longitude:0.000000} ({fix.Quality}, {fix.SatellitesUsed} sats); quoted and queued");
        return reading.Seq;
    }
}
