using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>
/// Plausible I/NAV words (OS SIS ICD 4.3.5 layouts) for one satellite and one issue of navigation data: WT1-4 share
/// IODnav, WT4 carries the SVID, t0e/t0c follow the issue time; the remaining orbit and clock values are deterministic
/// pseudo-random numbers of the right width, so every satellite and issue differs. Word types 0, 5 and 6 carry the page's
/// WN/TOW outside the authenticated bits. Nothing here is physically consistent: it only has to look like I/NAV to a
/// parser and give OSNMA something to authenticate.
/// </summary>
internal static class SyntheticInavWords
{
    public static byte[] Word(int wordType, int svid, int iodNav, GalileoSystemTime issueTime, GalileoSystemTime pageStart)
    {
        var w = new MsbBitWriter(InavWordFields.WordBits).Write((ulong)wordType, 6);
        var seed = (ulong)(svid * 1_000_003 + iodNav * 7919 + wordType);
        var t0 = (ulong)(issueTime.TimeOfWeek / 60 % 10080);
        switch (wordType)
        {
            case 0:
                w.Write(2, 2).Skip(88).Write((ulong)pageStart.WeekNumber & 0xFFF, 12).Write((ulong)pageStart.TimeOfWeek, 20);
                break;
            case 1: // IODnav, t0e, M0, e, sqrtA, reserved
                w.Write((ulong)iodNav, 10).Write(t0, 14).Write(Random(ref seed, 32), 32)
                    .Write(400_000 + Random(ref seed, 20), 32).Write(2_852_446_000 + Random(ref seed, 16), 32).Write(0, 2);
                break;
            case 2: // IODnav, Omega0, i0, omega, iDot, reserved
                w.Write((ulong)iodNav, 10).Write(Random(ref seed, 32), 32).Write(Random(ref seed, 32), 32)
                    .Write(Random(ref seed, 32), 32).Write(Random(ref seed, 14), 14).Write(0, 2);
                break;
            case 3: // IODnav, OmegaDot, dn, Cuc, Cus, Crc, Crs, SISA
                w.Write((ulong)iodNav, 10).Write(Random(ref seed, 24), 24);
                for (var i = 0; i < 5; i++) w.Write(Random(ref seed, 16), 16);
                w.Write(107, 8);
                break;
            case 4: // IODnav, SVID, Cic, Cis, t0c, af0, af1, af2, spare
                w.Write((ulong)iodNav, 10).Write((ulong)svid, 6).Write(Random(ref seed, 16), 16).Write(Random(ref seed, 16), 16)
                    .Write(t0, 14).Write(Random(ref seed, 31), 31).Write(Random(ref seed, 21), 21).Write(0, 6).Write(0, 2);
                break;
            case 5: // ai0, ai1, ai2, region flags, BGDs, health and validity, WN, TOW, spare
                w.Write(Random(ref seed, 11), 11).Write(Random(ref seed, 11), 11).Write(Random(ref seed, 14), 14).Write(0, 5)
                    .Write(Random(ref seed, 10), 10).Write(Random(ref seed, 10), 10).Write(0, 6)
                    .Write((ulong)pageStart.WeekNumber & 0xFFF, 12).Write((ulong)pageStart.TimeOfWeek, 20).Write(0, 23);
                break;
            case 6: // A0, A1, dtLS, t0t, WNot, WNLSF, DN, dtLSF, TOW, spare
                w.Write(Random(ref seed, 32), 32).Write(Random(ref seed, 24), 24).Write(18, 8).Write(0, 8)
                    .Write((ulong)issueTime.WeekNumber & 0xFF, 8).Write((ulong)issueTime.WeekNumber & 0xFF, 8).Write(7, 3).Write(18, 8)
                    .Write((ulong)pageStart.TimeOfWeek, 20).Write(0, 3);
                break;
            case 10: // IODa, almanac part, health, then the GST-GPS conversion A0G, A1G, t0G, WN0G
                w.Write(Random(ref seed, 4), 4).Write(Random(ref seed, 16), 16).Write(Random(ref seed, 11), 11).Write(Random(ref seed, 16), 16)
                    .Write(Random(ref seed, 16), 16).Write(Random(ref seed, 13), 13).Write(0, 4)
                    .Write(Random(ref seed, 16), 16).Write(Random(ref seed, 12), 12).Write(0, 8).Write((ulong)issueTime.WeekNumber & 0x3F, 6);
                break;
            case 63: // dummy word: type only
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(wordType), wordType, "the simulator writes word types 0-6, 10 and 63");
        }
        return w.Buffer;
    }

    /// <summary>SplitMix64 step, truncated to <paramref name="bits"/>: cheap, deterministic, well spread.</summary>
    private static ulong Random(ref ulong state, int bits)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return bits == 64 ? z : z & ((1UL << bits) - 1);
    }
}
