using System.Text;
using System.Threading.Channels;
using GeoEdge.Bridge.Store;
using GeoEdge.Timestamping;
using GeoEdge.Transparency;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.ResultSigning;

/// <summary>
/// What makes an issued result checkable later by anyone: its EAR appended to the transparency log (always;
/// a log that cannot take it fails the result, so no result is published that the log does not hold) and
/// RFC 3161 trusted time from the configured TSA (when one is configured; a TSA that fails leaves the result
/// without a token and is logged, since the EAR's own iat and the log still stand).
/// <para>
/// Results are notarized in batches off the ingest path: whatever is queued when the worker is free is
/// appended in one transaction, and one token is requested over the tree head that then holds them all
/// (<see cref="TimestampedInclusion"/>). An idle bridge still stamps each result alone, a busy one pays one TSA
/// round trip per batch instead of one per result, and verifying the readings never waits for the TSA.
/// </para>
/// </summary>
public sealed class ResultNotary : IAsyncDisposable
{
    /// <summary>One transaction and one token for up to this many results; the rest wait for the next batch.</summary>
    public const int MaxBatch = 512;

    private readonly TransparencyLog _log;
    private readonly TimestampClient? _tsa;
    private readonly BridgeStore _store;
    private readonly ILogger<ResultNotary> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _worker;

    public ResultNotary(TransparencyLog log, TimestampClient? tsa, BridgeStore store, ILogger<ResultNotary> logger)
    {
        _log = log;
        _tsa = tsa;
        _store = store;
        _logger = logger;
        _worker = Task.Run(RunAsync);
    }

    /// <summary>
    /// Queues a stored result; the task completes with it carrying its log index and timestamp once its batch is
    /// logged and stamped, or fails when the log could not take it (the result must then not be published).
    /// </summary>
    /// <param name="keepForRedelivery">the result of an accepted reading: the store keeps it as published, so that a
    /// copy of the reading delivered again (MQTT QoS 1, the agent's outbox) is answered with it.</param>
    /// <exception cref="ObjectDisposedException">the notary is shutting down.</exception>
    public Task<ResultMessage> NotarizeAsync(ResultMessage result, long verdictId, bool keepForRedelivery = false)
    {
        var pending = new Pending(result, verdictId, Encoding.ASCII.GetBytes(result.Ear), keepForRedelivery);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(ResultNotary), "the bridge is stopping: no more results are notarized");
        return pending.Done.Task;
    }

    /// <summary>Notarizes what is already queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _worker;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                // The log refuses a whole batch for one oversize entry: refuse that result alone, before the batch.
                if (next.Ear.Length <= TransparencyLog.MaxEntryBytes) batch.Add(next);
                else next.Done.TrySetException(new TransparencyLogException(
                    $"host {next.Result.HostId} seq {next.Result.Seq}: the EAR is {next.Ear.Length} bytes, more than the {TransparencyLog.MaxEntryBytes} a log entry may have"));
            }
            if (batch.Count == 0) continue;
            try
            {
                await NotarizeBatchAsync(batch);
            }
            catch (Exception e)
            {
                // Whatever went wrong, these results are not provably logged: fail them, never publish them, and keep
                // serving the next batch rather than leaving every later result waiting on a dead worker.
                _logger.LogError(e, "{Count} result(s) not notarized, so not published", batch.Count);
                foreach (var pending in batch) pending.Done.TrySetException(e);
            }
        }
    }

    private async Task NotarizeBatchAsync(List<Pending> batch)
    {
        var first = _log.AppendBatch(batch.Select(p => p.Ear).ToList());
        var treeSize = first + batch.Count;
        var token = await TimestampTreeHeadAsync(treeSize, batch);
        var notarized = new ResultMessage[batch.Count];
        var notarizations = new List<Notarization>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var index = first + i;
            var evidence = token is null ? null : new TimestampEvidence
            {
                LeafIndex = index,
                TreeSize = treeSize,
                InclusionPath = _log.InclusionProof(index, treeSize).Path,
                Token = token,
            };
            notarized[i] = batch[i].Result with { LogIndex = index, EarTimestamp = evidence };
            notarizations.Add(new Notarization(batch[i].VerdictId, index, token, token is null ? null : treeSize,
                batch[i].KeepForRedelivery ? WireJson.Encode(notarized[i]) : null));
        }
        _store.AttachNotarizations(notarizations);
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(notarized[i]);
    }

    private async Task<byte[]?> TimestampTreeHeadAsync(long treeSize, List<Pending> batch)
    {
        if (_tsa is null) return null;
        try
        {
            var stamped = TimestampedInclusion.StampedData(treeSize, _log.RootHash(treeSize));
            return (await _tsa.TimestampAsync(stamped)).Token;
        }
        catch (TimestampException e)
        {
            _logger.LogWarning("{Count} result(s) (hosts {Hosts}) issued without a timestamp: the TSA at {Tsa} failed: {Reason}",
                batch.Count, string.Join(", ", batch.Select(p => p.Result.HostId).Distinct().Take(5)), _tsa.Url, e.Message);
            return null;
        }
    }

    private sealed record Pending(ResultMessage Result, long VerdictId, byte[] Ear, bool KeepForRedelivery)
    {
        public TaskCompletionSource<ResultMessage> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
