using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Fills HKROOT: every subframe all satellites send blocks of the one DSM on the air (as in the test vectors),
/// satellite j sending block (s x N + j) mod NB in the s-th subframe of that DSM, so N satellites cover NB blocks in
/// ceil(NB / N) subframes. A DSM stays for the dwell time, then the rotation moves on. A DSM-KROOT is signed with the
/// NMA header it is broadcast with, so a header change restarts the DSM at once under a new DSM ID; identical content
/// under the same header keeps its ID and bytes (ECDSA is randomised, re-signing would mix two signatures).
/// </summary>
internal sealed class DsmScheduler
{
    private readonly BroadcastTimeline _timeline;
    private readonly int _satellites;
    private readonly int _dwell;
    private readonly Dictionary<(DsmSpec Spec, byte Header, long Hour), (int Id, IReadOnlyList<ReadOnlyMemory<byte>> Blocks)> _encoded = [];
    private int _nextKrootId;
    private int _nextPkrId;
    private DsmSpec? _spec;
    private (DsmSpec Spec, byte Header, long Hour) _key;
    private int _subframesOnAir;
    private int _currentDwell;

    public DsmScheduler(BroadcastTimeline timeline, int satellites, int dwellSubframes)
    {
        _timeline = timeline;
        _satellites = satellites;
        _dwell = dwellSubframes;
    }

    /// <summary>The 15 HKROOT bytes of each satellite (in scenario order) for the subframe at <paramref name="subframe"/>.</summary>
    public byte[][] Hkroot(GalileoSystemTime subframe, NmaHeader header)
    {
        var headerByte = header.ToByte();
        var rotation = _timeline.RotationAt(subframe);
        var index = _spec is null ? -1 : IndexOf(rotation, _spec);
        DsmSpec? next = index < 0 ? rotation[0]
            : _key.Header != headerByte ? _spec
            : _subframesOnAir >= _currentDwell ? rotation[(index + 1) % rotation.Count]
            : null;
        if (next is not null)
        {
            _spec = next;
            _key = (next, headerByte, ContentHour(next, subframe));
            _subframesOnAir = 0;
        }
        var (id, blocks) = Encoded(_key, header);
        _currentDwell = Math.Max(_dwell, (blocks.Count + _satellites - 1) / _satellites);
        var result = new byte[_satellites][];
        for (var j = 0; j < _satellites; j++)
        {
            var bid = (_subframesOnAir * _satellites + j) % blocks.Count;
            var hk = new byte[E1bWordSchedule.PagesPerSubframe];
            hk[0] = headerByte;
            hk[1] = (byte)((id << 4) | bid);
            blocks[bid].Span.CopyTo(hk.AsSpan(2));
            result[j] = hk;
        }
        _subframesOnAir++;
        return result;
    }

    private static int IndexOf(IReadOnlyList<DsmSpec> rotation, DsmSpec spec)
    {
        for (var i = 0; i < rotation.Count; i++)
            if (rotation[i].Equals(spec)) return i;
        return -1;
    }

    /// <summary>TOWH_K of a DSM-KROOT: the current hour, or the chain's first hour while it is still announced ahead.</summary>
    private static long ContentHour(DsmSpec spec, GalileoSystemTime subframe)
    {
        if (spec is not KrootSpec k) return 0;
        var hour = subframe.AddSeconds(-(subframe.TimeOfWeek % 3600));
        return Math.Max(hour.TotalSeconds, k.Chain.ApplicableFrom.TotalSeconds);
    }

    private (int Id, IReadOnlyList<ReadOnlyMemory<byte>> Blocks) Encoded((DsmSpec Spec, byte Header, long Hour) key, NmaHeader header)
    {
        if (_encoded.TryGetValue(key, out var existing)) return existing;
        byte[] dsm;
        int id;
        switch (key.Spec)
        {
            case KrootSpec k:
                var content = k.Chain.KrootContent(GalileoSystemTime.FromTotalSeconds(key.Hour), k.Signer.PublicKeyId);
                dsm = DsmKroot.Encode(content, header, k.Signer);
                id = _nextKrootId;
                _nextKrootId = (_nextKrootId + 1) % 12;
                break;
            case PkrSpec p:
                dsm = DsmPkr.Encode(p.Tree, p.Leaf);
                id = 12 + _nextPkrId;
                _nextPkrId = (_nextPkrId + 1) % 4;
                break;
            default:
                throw new InvalidOperationException($"unknown DSM kind {key.Spec}");
        }
        if (_encoded.Count > 64) _encoded.Clear(); // old hours are never sent again; keeps memory bounded on long runs
        var entry = (id, DsmBlocks.Split(dsm));
        _encoded[key] = entry;
        return entry;
    }
}
