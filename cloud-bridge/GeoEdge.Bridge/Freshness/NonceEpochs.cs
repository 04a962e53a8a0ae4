using System.Security.Cryptography;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Freshness;

/// <summary>
/// The bridge's freshness epochs: a random value renewed every period and published retained. A
/// reading must name the current or the previous epoch, which bounds how old a replay can be
/// even for a host that was silent (and so has no newer sequence number to compare with).
/// </summary>
public sealed class NonceEpochs(TimeProvider time, TimeSpan period)
{
    private readonly Lock _lock = new();
    private NonceEpoch? _current;
    private string? _previous;

    public TimeSpan Period => period;

    public NonceEpoch Current
    {
        get { lock (_lock) return _current ??= NewEpoch(); }
    }

    /// <summary>Starts a new epoch; the one it replaces stays acceptable until the next rotation.</summary>
    public NonceEpoch Rotate()
    {
        lock (_lock)
        {
            _previous = _current?.Epoch;
            _current = NewEpoch();
            return _current;
        }
    }

    public bool IsAcceptable(string epoch)
    {
        lock (_lock)
            return (_current is not null && CryptographicOperations.FixedTimeEquals(Bytes(_current.Epoch), Bytes(epoch)))
                || (_previous is not null && CryptographicOperations.FixedTimeEquals(Bytes(_previous), Bytes(epoch)));
    }

    private NonceEpoch NewEpoch() => new()
    {
        Epoch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        IssuedAt = time.GetUtcNow(),
        ValidSeconds = (int)period.TotalSeconds * 2,
    };

    private static byte[] Bytes(string s) => System.Text.Encoding.UTF8.GetBytes(s);
}
