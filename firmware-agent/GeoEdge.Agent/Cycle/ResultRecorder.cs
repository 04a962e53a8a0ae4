using GeoEdge.Agent.Enrollment;
using GeoEdge.Agent.Logging;
using GeoEdge.Agent.Measurements;
using GeoEdge.Agent.Outbox;
using GeoEdge.Agent.Residency;
using GeoEdge.Agent.State;
using GeoEdge.Wire;

namespace GeoEdge.Agent.Cycle;

/// <summary>
/// Logs each result the bridge sends back, keeps the latest one on disk (latest-result.json), where
/// local workloads and operators can read it, hands it to the outbox as a delivery receipt, and passes
/// the bridge's requests for measurements (boot log, IMA entries from an index) to the collector, and
/// the result to the countersigner, which serves it to workloads with a TPM quote over its EAR.
/// </summary>
public sealed class ResultRecorder(BridgeLink link, DeliveryReceipts receipts, MeasurementCollector measurements, ResultCountersigner? countersigner, string stateDirectory, AgentLog log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var result in link.Results.Reader.ReadAllAsync(ct))
            {
                var reasons = result.Reasons.Count == 0 ? "" : $" ({string.Join("; ", result.Reasons)})";
                log.Info($"result for reading {result.Seq}: {result.EarStatus}, geofence {result.Geofence ?? "-"}{reasons}");
                DurableFile.Write(Path.Combine(stateDirectory, "latest-result.json"), WireJson.Encode(result));
                receipts.Confirm(result.ReadingDigest);
                measurements.OnResult(result);
                countersigner?.Offer(result, DateTimeOffset.UtcNow);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
