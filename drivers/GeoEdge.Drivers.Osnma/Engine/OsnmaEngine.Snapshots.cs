using GeoEdge.Drivers.Osnma.Messages;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>Sizes of every internal collection, so tests can show that memory does not grow with running time.</summary>
internal sealed record OsnmaInternalSizes(int Satellites, int StoredSubframes, int PartialDsms, int PublicKeys, int Chains,
    int CachedTeslaKeys, int AccumulatorEntries, int RememberedKroots);

/// <summary>Read-only views for the receiver's snapshot properties.</summary>
internal sealed partial class OsnmaEngine
{
    public OsnmaCounters Counters => _counters.Snapshot();

    public OsnmaStatusSnapshot Status
    {
        get
        {
            var chainId = _lastHeader?.ChainId;
            var chain = chainId is { } c ? _chains[c] : null;
            return new OsnmaStatusSnapshot(StartMode, _lastHeader?.Status, _lastHeader?.Cpks, chainId, chain?.VerifiedWithPkid,
                _keys.Keys.Order().ToArray(), _chains.Where(x => x is not null).Select(x => x!.ChainId).ToArray(),
                AlertReceived, _hasTrustedTime, Now);
        }
    }

    public IReadOnlyList<SatelliteAuthentication> SatelliteStates => Satellites.Select(s =>
    {
        var current = s.AuthenticatedCed is not null && s.Nav.CurrentCed() is { } now && now.AsSpan().SequenceEqual(s.AuthenticatedCed);
        return new SatelliteAuthentication(s.Svid, s.NavDataAuthenticatedAt, s.AuthenticatedIodNav, current,
            s.TimingAuthenticatedAt, s.AuthenticatedWithChain, s.LastSubframe >= 0 ? Gst(s.LastSubframe) : null);
    }).ToArray();

    public OsnmaInternalSizes InternalSizes => new(
        Satellites.Count(),
        Satellites.Sum(s => s.StoredSubframes),
        _dsms.PartialCount,
        _keys.Count,
        _chains.Count(c => c is not null),
        _chains.Sum(c => c?.CachedKeyCount ?? 0),
        Satellites.Sum(s => s.Ced.Count + s.Timing.Count),
        _verifiedKroots.Count + _revokedChains.Count);
}
