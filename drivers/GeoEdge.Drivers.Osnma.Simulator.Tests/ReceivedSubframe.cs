using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

/// <summary>One satellite's subframe as a receiver sees it: 15 words, 15 HKROOT bytes, the 60-byte MACK.</summary>
internal sealed record ReceivedSubframe(int Svid, GalileoSystemTime Start, byte[][] Words, byte[] Hkroot, byte[] Mack)
{
    public byte[] Word(int wordType) => Words.First(w => InavWordFields.WordType(w) == wordType);

    public bool HasOsnma => Hkroot[0] != 0;

    /// <summary>Groups pages into complete subframes (page k of a subframe starts at GST_SF + 1 + 2k), CRCs checked.</summary>
    public static List<ReceivedSubframe> Collect(IEnumerable<GalileoPage> pages)
    {
        var open = new Dictionary<(int, long), (byte[][] Words, byte[] Hk, byte[] Mack, int Count)>();
        var done = new List<ReceivedSubframe>();
        foreach (var page in pages)
        {
            var bits = page.Bits.Span;
            if (!GalileoInavPage.FromPageBytes(bits).CrcIsValid) throw new InvalidDataException($"CRC fails on E{page.Svid:00} at {page.Start}");
            var offset = page.Start.TimeOfWeek % 30;
            var subframe = page.Start.AddSeconds(-offset);
            var k = (offset - 1) / 2;
            var key = (page.Svid, subframe.TotalSeconds);
            if (!open.TryGetValue(key, out var s)) s = (new byte[15][], new byte[15], new byte[60], 0);
            s.Words[k] = InavPageEncoder.Word(bits);
            var osnma = GalileoInavPage.FromPageBytes(bits).OsnmaBits();
            s.Hk[k] = osnma[0];
            osnma.AsSpan(1).CopyTo(s.Mack.AsSpan(4 * k));
            s.Count++;
            if (s.Count == 15)
            {
                done.Add(new ReceivedSubframe(page.Svid, subframe, s.Words, s.Hk, s.Mack));
                open.Remove(key);
            }
            else open[key] = s;
        }
        return done;
    }
}

/// <summary>A DSM completed from HKROOT blocks, with the NMA header it was completed under.</summary>
internal sealed record ReceivedDsm(int Id, byte[] Bytes, byte NmaHeader, GalileoSystemTime CompletedAt);

internal static class DsmCollector
{
    /// <summary>Reassembles DSMs by DSM ID (any satellites), starting over when block 0 announces another length.</summary>
    public static List<ReceivedDsm> Collect(IEnumerable<ReceivedSubframe> subframes)
    {
        var blocks = new Dictionary<int, Dictionary<int, byte[]>>();
        var result = new List<ReceivedDsm>();
        foreach (var s in subframes.Where(s => s.HasOsnma).OrderBy(s => s.Start.TotalSeconds))
        {
            var id = s.Hkroot[1] >> 4;
            var bid = s.Hkroot[1] & 15;
            if (!blocks.TryGetValue(id, out var have)) blocks[id] = have = [];
            have[bid] = s.Hkroot[2..];
            if (!have.TryGetValue(0, out var first)) continue;
            var nb = first[0] >> 4;
            var count = id < 12 ? nb + 6 : nb + 6;
            if (have.Count < count || Enumerable.Range(0, count).Any(i => !have.ContainsKey(i))) continue;
            var bytes = Enumerable.Range(0, count).SelectMany(i => have[i]).ToArray();
            result.Add(new ReceivedDsm(id, bytes, s.Hkroot[0], s.Start));
            blocks.Remove(id);
        }
        return result;
    }
}
