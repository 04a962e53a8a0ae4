using System.Security.Cryptography;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Freshness;

/// <summary>How recent the nonce epoch a reading names is.</summary>
public enum EpochAge
{
    /// <summary>The current or the previous epoch: a fresh reading.</summary>
    Fresh,

    /// <summary>
    /// An older epoch still inside the late-reading window: a reading the agent held back (a broker
    /// outage, a host offline), accepted but flagged, since it says where the host was, not where it is.
    /// </summary>
    Late,

    /// <summary>Never issued, or older than the window: refused.</summary>
    Unknown,
}

/// <summary>
/// The bridge's freshness epochs: a random value renewed every period and published retained. A
/// reading names the epoch it was made in, which bounds how old a replayed reading can be even for a
/// host that was silent (and so has no newer sequence number to compare with). Memory is bounded by
/// the late-reading window divided by the period.
/// </summary>
public sealed class NonceEpochs(TimeProvider time, TimeSpan period, TimeSpan lateWindow)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<NonceEpoch> _history = new(); // newest first

    public TimeSpan Period => period;

    public NonceEpoch Current
    {
        get
        {
            lock (_lock)
            {
                if (_history.First is null) _history.AddFirst(NewEpoch());
                return _history.First!.Value;
            }
        }
    }

    /// <summary>Starts a new epoch; older ones stay known until they leave the late-reading window.</summary>
    public NonceEpoch Rotate()
    {
        lock (_lock)
        {
            var epoch = NewEpoch();
            _history.AddFirst(epoch);
            var oldest = time.GetUtcNow() - lateWindow;
            // Keep current and previous whatever the window, then whatever the window still covers.
            while (_history.Count > 2 && _history.Last!.Value.IssuedAt < oldest) _history.RemoveLast();
            return epoch;
        }
    }

    public EpochAge Classify(string epoch)
    {
        var candidate = System.Text.Encoding.UTF8.GetBytes(epoch);
        lock (_lock)
        {
            var position = 0;
            foreach (var known in _history)
            {
                if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(known.Epoch), candidate))
                    return position < 2 ? EpochAge.Fresh : EpochAge.Late;
                position++;
            }
            return EpochAge.Unknown;
        }
    }

    private NonceEpoch NewEpoch() => new()
    {
        Epoch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        IssuedAt = time.GetUtcNow(),
        ValidSeconds = (int)period.TotalSeconds * 2,
    };
}
