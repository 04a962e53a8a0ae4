using System.Security.Cryptography;
using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>What a TESLA chain is announced with in its DSM-KROOTs.</summary>
public sealed record TeslaChainParameters(
    int ChainId,
    OsnmaHashFunction Hash,
    OsnmaMacFunction Mac,
    int KeyBits,
    int TagBits,
    int MacLookupTable,
    ulong Alpha);

/// <summary>
/// One TESLA key chain (OSNMA SIS ICD 1.1 section 6.4): K_{i-1} = trunc(lk, HF(K_i || GST_SF(i-1) || alpha)), where key
/// K_i is broadcast in the subframe starting at GST_0 + 30 i and GST_SF(i-1) is the start of the subframe before it.
/// K_0 (the KROOT of the chain's first DSM-KROOT) sits at GST_0 = (WN_K, TOWH_K x 3600) - 30 s. The real chains of the
/// test vectors hash down this way. The whole chain is generated from a random last key at construction.
/// </summary>
public sealed class TeslaChain
{
    private const int MaxKeys = 7 * 24 * 120 + 1;
    private readonly byte[][] _keys;

    private TeslaChain(TeslaChainParameters parameters, GalileoSystemTime gst0, byte[][] keys)
    {
        Parameters = parameters;
        Gst0 = gst0;
        _keys = keys;
    }

    public TeslaChainParameters Parameters { get; }

    /// <summary>GST of K_0: the chain's applicability start less one subframe.</summary>
    public GalileoSystemTime Gst0 { get; }

    /// <summary>When the chain's first key K_1 goes on the air (an hour boundary, TOWH_K x 3600).</summary>
    public GalileoSystemTime ApplicableFrom => Gst0.AddSeconds(OsnmaGst.SubframeSeconds);

    public int KeyCount => _keys.Length;

    public GalileoSystemTime LastKeyTime => Gst0.AddSeconds((long)(_keys.Length - 1) * OsnmaGst.SubframeSeconds);

    /// <summary>
    /// A chain whose K_1 is broadcast from <paramref name="applicableFrom"/> (a whole GST hour, since DSM-KROOTs carry
    /// TOWH_K in hours) and which has keys up to the subframe starting at <paramref name="lastSubframe"/>.
    /// </summary>
    public static TeslaChain Generate(TeslaChainParameters parameters, GalileoSystemTime applicableFrom, GalileoSystemTime lastSubframe)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (applicableFrom.TimeOfWeek % 3600 != 0)
            throw new ArgumentException($"a chain starts on a whole GST hour (TOWH_K), not at {applicableFrom}", nameof(applicableFrom));
        if (parameters.KeyBits % 8 != 0) throw new ArgumentException("key length must be whole bytes", nameof(parameters));
        OsnmaFieldSizes.KeySizeCode(parameters.KeyBits);
        if (!OsnmaHash.IsSupported(parameters.Hash)) throw new PlatformNotSupportedException($"{parameters.Hash} is not available on this platform.");
        var gst0 = applicableFrom.AddSeconds(-OsnmaGst.SubframeSeconds);
        var span = lastSubframe - gst0;
        if (span < OsnmaGst.SubframeSeconds || span % OsnmaGst.SubframeSeconds != 0)
            throw new ArgumentException($"the last subframe {lastSubframe} must be a subframe start after {applicableFrom}", nameof(lastSubframe));
        var count = span / OsnmaGst.SubframeSeconds + 1;
        if (count > MaxKeys) throw new ArgumentException($"a simulated chain spans at most a week ({MaxKeys} keys)", nameof(lastSubframe));

        var keyBytes = parameters.KeyBits / 8;
        var keys = new byte[count][];
        keys[count - 1] = RandomNumberGenerator.GetBytes(keyBytes);
        for (var i = (int)count - 1; i > 0; i--)
            keys[i - 1] = OneWay(keys[i], gst0.AddSeconds((long)(i - 1) * OsnmaGst.SubframeSeconds), parameters.Alpha, parameters.Hash, keyBytes);
        return new TeslaChain(parameters, gst0, keys);
    }

    /// <summary>K_{i-1} from K_i: trunc(lk, HF(K_i || GST(WN,TOW of subframe i-1) || alpha)).</summary>
    public static byte[] OneWay(ReadOnlySpan<byte> key, GalileoSystemTime previousSubframe, ulong alpha, OsnmaHashFunction hash, int keyBytes)
    {
        if (alpha >> 48 != 0) throw new ArgumentOutOfRangeException(nameof(alpha), "alpha is 48 bits");
        Span<byte> message = stackalloc byte[key.Length + 10];
        key.CopyTo(message);
        OsnmaGst.Write(previousSubframe, message[key.Length..]);
        for (var b = 0; b < 6; b++) message[key.Length + 4 + b] = (byte)(alpha >> (8 * (5 - b)));
        return OsnmaHash.Compute(hash, message)[..keyBytes];
    }

    public bool HasKeyAt(GalileoSystemTime subframeStart)
    {
        var offset = subframeStart - Gst0;
        return offset >= 0 && offset % OsnmaGst.SubframeSeconds == 0 && offset / OsnmaGst.SubframeSeconds < _keys.Length;
    }

    /// <summary>The key broadcast in the subframe starting at <paramref name="subframeStart"/> (K_0 = KROOT at GST_0).</summary>
    public ReadOnlyMemory<byte> KeyAt(GalileoSystemTime subframeStart)
    {
        if (!HasKeyAt(subframeStart))
            throw new ArgumentOutOfRangeException(nameof(subframeStart), subframeStart, $"chain {Parameters.ChainId} has keys from {Gst0} to {LastKeyTime} every 30 s");
        return _keys[(subframeStart - Gst0) / OsnmaGst.SubframeSeconds];
    }

    /// <summary>
    /// The DSM-KROOT content for TOWH_K = the GST hour starting at <paramref name="hour"/>: its KROOT is the key at
    /// hour - 30 s. The first DSM-KROOT of the chain carries K_0; later ones re-anchor the same chain hourly.
    /// </summary>
    public DsmKrootContent KrootContent(GalileoSystemTime hour, int publicKeyId)
    {
        if (hour.TimeOfWeek % 3600 != 0) throw new ArgumentException($"{hour} is not a whole GST hour", nameof(hour));
        var p = Parameters;
        return new DsmKrootContent(publicKeyId, p.ChainId, p.Hash, p.Mac, p.KeyBits, p.TagBits, p.MacLookupTable,
            hour.WeekNumber, hour.TimeOfWeek / 3600, p.Alpha, KeyAt(hour.AddSeconds(-OsnmaGst.SubframeSeconds)));
    }
}
