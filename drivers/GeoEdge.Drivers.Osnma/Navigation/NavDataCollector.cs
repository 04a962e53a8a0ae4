using GeoEdge.Drivers.Osnma.Bits;

namespace GeoEdge.Drivers.Osnma.Navigation;

/// <summary>
/// The latest I/NAV words 1-6 and 10 of one satellite with the subframe each was last received in. Fixed size:
/// only the newest copy of each word type is kept, which is all a tag can still refer to once snapshots are taken
/// at every subframe end.
/// </summary>
internal sealed class NavDataCollector
{
    private const int MaxType = 10;
    private readonly byte[][] _words = new byte[MaxType + 1][];
    private readonly long[] _receivedInSubframe = new long[MaxType + 1];
    private long _latestSubframe = -1;

    public NavDataCollector()
    {
        for (var t = 0; t <= MaxType; t++)
        {
            _words[t] = new byte[InavPageBits.WordBytes];
            _receivedInSubframe[t] = -1;
        }
    }

    public void Add(ReadOnlySpan<byte> word, long subframe)
    {
        var type = InavPageBits.WordType(word);
        if (type is < 1 or > 6 && type != 10) return;
        word.CopyTo(_words[type]);
        _receivedInSubframe[type] = subframe;
        _latestSubframe = Math.Max(_latestSubframe, subframe);
    }

    public NavSnapshot Snapshot(long subframe)
    {
        var ced = Assemble(NavDataLayout.Ced, NavDataLayout.CedBytes, subframe, out var cedAge);
        var iod = -1;
        if (ced is not null)
        {
            // WT1-4 each start with IODnav (10 bits); a set mixing two issues is not one navigation message.
            iod = IodNav(1);
            for (var t = 2; t <= 4; t++)
                if (IodNav(t) != iod) { ced = null; iod = -1; break; }
        }
        var timing = Assemble(NavDataLayout.Timing, NavDataLayout.TimingBytes, subframe, out var timingAge);
        return new NavSnapshot(ced, cedAge, iod, timing, timingAge);
    }

    /// <summary>The ADKD 0/12 bits the satellite broadcasts now (newest words, one IODnav), or null.</summary>
    public byte[]? CurrentCed() => _latestSubframe < 0 ? null : Snapshot(_latestSubframe).Ced;

    private int IodNav(int type) => (int)OsnmaBits.Read(_words[type], 6, 10);

    private byte[]? Assemble((int Type, int Start, int Count)[] layout, int bytes, long subframe, out int maxAge)
    {
        maxAge = 0;
        var data = new byte[bytes];
        var at = 0;
        foreach (var (type, start, count) in layout)
        {
            var received = _receivedInSubframe[type];
            if (received < 0 || received > subframe) return null;
            maxAge = Math.Max(maxAge, (int)Math.Min(int.MaxValue, (subframe - received) / 30));
            OsnmaBits.Copy(_words[type], start, data, at, count);
            at += count;
        }
        return data;
    }
}
