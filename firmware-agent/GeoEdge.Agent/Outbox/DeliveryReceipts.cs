using System.Collections.Concurrent;

namespace GeoEdge.Agent.Outbox;

/// <summary>
/// Matches the bridge's results to the readings waiting for them, by the SHA-256 of the reading
/// bytes. A broker's PUBACK only says the broker took the message (it may still lose it before the
/// bridge reads it, e.g. when it restarts without persistence); a result carrying the reading's
/// digest says the bridge has judged exactly those bytes.
/// </summary>
public sealed class DeliveryReceipts
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

    /// <summary>Registers interest before publishing, so a result that comes back at once is not missed.</summary>
    public Task Expect(ReadOnlySpan<byte> digest) =>
        _waiting.GetOrAdd(Convert.ToHexString(digest), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Confirm(byte[]? digest)
    {
        if (digest is not null && _waiting.TryRemove(Convert.ToHexString(digest), out var receipt)) receipt.TrySetResult();
    }
}
