using System.Buffers.Binary;
using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Messages;

namespace GeoEdge.Drivers.Osnma.Tesla;

/// <summary>
/// One TESLA chain authenticated by its DSM-KROOT. Key i is broadcast in the subframe starting at
/// GST_SF(i) = GST_0 + 30 (i - 1); K_0 = KROOT belongs to GST_0 - 30. The one-way function is
/// K_(i-1) = trunc(l_K, HF(K_i || GST_SF(i-1) || alpha)) with GST as WN (12 bits) || TOW (20 bits)
/// (ICD 1.1 section 6.4; galileo-osnma labels keys the same way, and the test vectors verify it).
/// Verified keys are cached for the last <see cref="CachedKeys"/> subframes, which covers the slow-MAC delay.
/// </summary>
internal sealed class TeslaChain
{
    public const int CachedKeys = 16;
    private readonly (long Gst, byte[]? Key)[] _keys = new (long, byte[]?)[CachedKeys];
    private (long Gst, byte[] Key)? _lastFailure;

    public TeslaChain(DsmKroot kroot, byte nmaHeader, int verifiedWithPkid)
    {
        Kroot = kroot;
        KrootHeader = nmaHeader;
        Announced = kroot;
        NmaHeader = nmaHeader;
        VerifiedWithPkid = verifiedWithPkid;
        LatestGst = kroot.Gst0 - 30;
        LatestKey = kroot.Kroot.ToArray();
    }

    /// <summary>The DSM-KROOT this chain object hashes down to.</summary>
    public DsmKroot Kroot { get; }
    public byte KrootHeader { get; }

    /// <summary>The newest verified DSM-KROOT of the same chain (re-announced from a later GST_0, maybe signed by a newer key), with its header.</summary>
    public DsmKroot Announced { get; private set; }
    public byte NmaHeader { get; private set; }
    public int VerifiedWithPkid { get; private set; }
    public int ChainId => Kroot.ChainId;
    public long Gst0 => Kroot.Gst0;
    public long LatestGst { get; private set; }
    public byte[] LatestKey { get; private set; }
    public int CachedKeyCount => _keys.Count(k => k.Key is not null);

    /// <summary>
    /// Whether <paramref name="kroot"/> re-announces this chain: same ID and alpha, and its KROOT is this chain's key of
    /// its GST_0 - 30. If so it becomes the announced DSM-KROOT and this object (its keys, its pending tags) stays.
    /// </summary>
    public bool TryReannounce(DsmKroot kroot, byte nmaHeader, int verifiedWithPkid, int maxSteps, out bool changed)
    {
        changed = false;
        if (kroot.ChainId != ChainId || !kroot.Alpha.SequenceEqual(Kroot.Alpha) || kroot.KeyBits != Kroot.KeyBits) return false;
        if (kroot.Gst0 != Gst0 && Verify(kroot.Kroot, kroot.Gst0 - 30, maxSteps).Outcome != TeslaKeyOutcome.Verified) return false;
        if (kroot.Gst0 == Gst0 && !kroot.Kroot.SequenceEqual(Kroot.Kroot)) return false;
        if (kroot.Gst0 >= Announced.Gst0 && (!kroot.Bytes.AsSpan().SequenceEqual(Announced.Bytes) || nmaHeader != NmaHeader))
        {
            Announced = kroot;
            NmaHeader = nmaHeader;
            VerifiedWithPkid = verifiedWithPkid;
            changed = true;
        }
        return true;
    }

    /// <summary>
    /// The DSM-KROOT worth persisting: the newest announcement if the newest verified key is not older than it
    /// (so the key still hashes down to it), else the one this object started from.
    /// </summary>
    public (byte Header, DsmKroot Kroot) Persistable => LatestGst >= Announced.Gst0 - 30 ? (NmaHeader, Announced) : (KrootHeader, Kroot);

    /// <summary>The verified key broadcast in the subframe starting at <paramref name="gst"/>, if cached.</summary>
    public byte[]? VerifiedKey(long gst)
    {
        if (gst == LatestGst) return LatestKey;
        var slot = _keys[Slot(gst)];
        return slot.Key is not null && slot.Gst == gst ? slot.Key : null;
    }

    /// <summary>
    /// Verifies a key received in the subframe at <paramref name="gst"/> by hashing it down to the newest verified
    /// key before it (or KROOT), at most <paramref name="maxSteps"/> times so that a forged far-future GST cannot
    /// make us hash for hours.
    /// </summary>
    public TeslaKeyResult Verify(ReadOnlySpan<byte> key, long gst, int maxSteps)
    {
        if (key.Length != Kroot.KeyBytes) return TeslaKeyResult.Failed("key length differs from the chain's");
        if (gst < Gst0 || (gst - Gst0) % 30 != 0) return TeslaKeyResult.NotInChain;
        var known = VerifiedKey(gst);
        if (known is not null)
            return CryptographicOperations.FixedTimeEquals(known, key) ? TeslaKeyResult.Verified : TeslaKeyResult.Failed("differs from the verified key of that subframe");

        // Every satellite repeats the same key: a key that already failed for this subframe fails again without hashing.
        if (_lastFailure is { } failed && failed.Gst == gst && failed.Key.AsSpan().SequenceEqual(key))
            return TeslaKeyResult.Failed("same key as one that already failed for this subframe");
        var (baseGst, baseKey) = NewestVerifiedBefore(gst);
        var steps = (gst - baseGst) / 30;
        if (steps > maxSteps) return TeslaKeyResult.Failed($"{steps} hashes to the nearest verified key exceed the limit {maxSteps}");
        var derived = Derive(key, gst, (int)steps);
        if (!CryptographicOperations.FixedTimeEquals(derived, baseKey))
        {
            _lastFailure = (gst, key.ToArray());
            return TeslaKeyResult.Failed($"does not hash down to the verified key of GST {baseGst}");
        }
        Remember(gst, key.ToArray());
        return TeslaKeyResult.Verified;
    }

    /// <summary>Applies the one-way function <paramref name="steps"/> times to the key of subframe <paramref name="gst"/>.</summary>
    public byte[] Derive(ReadOnlySpan<byte> key, long gst, int steps)
    {
        var size = Kroot.KeyBytes;
        var input = new byte[size + 10];
        Span<byte> digest = stackalloc byte[32];
        key.CopyTo(input);
        Kroot.Alpha.CopyTo(input.AsSpan(size + 4));
        for (var s = 0; s < steps; s++)
        {
            gst -= 30;
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(size, 4), Gst32(gst));
            OsnmaFunctions.Hash(Kroot.Hash, input, digest);
            digest[..size].CopyTo(input);
        }
        return input.AsSpan(0, size).ToArray();
    }

    /// <summary>GST as the 32-bit field of MAC and hash inputs: WN mod 4096 (12 bits) || TOW (20 bits).</summary>
    public static uint Gst32(long gstSeconds)
    {
        var wn = (uint)(gstSeconds / 604_800) & 0xFFF;
        var tow = (uint)(gstSeconds % 604_800);
        return (wn << 20) | tow;
    }

    private (long Gst, byte[] Key) NewestVerifiedBefore(long gst)
    {
        var best = (Gst: Kroot.Gst0 - 30, Key: Kroot.Kroot.ToArray());
        if (LatestGst < gst && LatestGst > best.Gst) best = (LatestGst, LatestKey);
        foreach (var (g, k) in _keys)
            if (k is not null && g < gst && g > best.Gst) best = (g, k);
        return best;
    }

    private void Remember(long gst, byte[] key)
    {
        _keys[Slot(gst)] = (gst, key);
        if (gst > LatestGst)
        {
            LatestGst = gst;
            LatestKey = key;
        }
    }

    private static int Slot(long gst) => (int)(gst / 30 % CachedKeys);
}

internal readonly record struct TeslaKeyResult(TeslaKeyOutcome Outcome, string Reason)
{
    public static readonly TeslaKeyResult Verified = new(TeslaKeyOutcome.Verified, "");
    public static readonly TeslaKeyResult NotInChain = new(TeslaKeyOutcome.NotInChain, "before the chain starts");
    public static TeslaKeyResult Failed(string reason) => new(TeslaKeyOutcome.Failed, reason);
}

internal enum TeslaKeyOutcome : byte
{
    Verified,
    NotInChain,
    Failed,
}
