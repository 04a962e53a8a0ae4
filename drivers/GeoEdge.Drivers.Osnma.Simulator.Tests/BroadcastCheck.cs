using System.Security.Cryptography;
using GeoEdge.Drivers.Gnss.Galileo;

namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

/// <summary>A parsed DSM-KROOT and whether its signature and padding held.</summary>
internal sealed record KrootCheck(int DsmId, int PublicKeyId, int ChainId, OsnmaHashFunction Hash, OsnmaMacFunction Mac, int KeyBits, int TagBits,
    int MacLookupTable, GalileoSystemTime Gst0, ulong Alpha, byte[] Kroot, byte NmaHeader, bool SignatureValid, bool PaddingValid, GalileoSystemTime CompletedAt);

internal sealed record PkrCheck(int DsmId, int MessageId, OsnmaPublicKeyType Type, int PublicKeyId, byte[] Npk, byte[] ProvenRoot, bool PaddingValid, GalileoSystemTime CompletedAt);

internal sealed record TagFailure(int PrnA, int PrnD, int Adkd, GalileoSystemTime Subframe);

/// <summary>
/// A receiver-side check written for the tests: reassembles DSMs and verifies KROOT signatures (with public keys
/// decoded from the points), DSM-PKR Merkle proofs, the TESLA chain from key to key down to each KROOT, MACSEQ, the
/// look-up-table ADKDs, and every tag against words read back from the pages.
/// </summary>
internal sealed class BroadcastCheck
{
    public List<KrootCheck> Kroots { get; } = [];
    public List<PkrCheck> Pkrs { get; } = [];
    public Dictionary<long, byte[]> KeysBySubframe { get; } = [];
    public int KeysChained { get; private set; }
    public int KeysBroken { get; private set; }
    public int TagsVerified { get; private set; }
    public int DummyTags { get; private set; }
    public List<TagFailure> TagFailures { get; } = [];
    public int MacseqVerified { get; private set; }
    public int MacseqFailed { get; private set; }
    public int TableMismatches { get; private set; }
    public Dictionary<long, byte> HeaderBySubframe { get; } = [];

    public static BroadcastCheck Run(IReadOnlyList<ReceivedSubframe> subframes, Func<int, ReadOnlyMemory<byte>?> publicKeyPoint, bool includeSlowMac = true)
    {
        var check = new BroadcastCheck();
        var osnma = subframes.Where(s => s.HasOsnma).ToList();
        foreach (var s in osnma) check.HeaderBySubframe[s.Start.TotalSeconds] = s.Hkroot[0];
        foreach (var dsm in DsmCollector.Collect(osnma))
        {
            if (dsm.Id < 12) check.CheckKroot(dsm, publicKeyPoint);
            else check.CheckPkr(dsm);
        }
        var first = check.Kroots.FirstOrDefault(k => k.SignatureValid) ?? throw new InvalidOperationException("no verified DSM-KROOT");
        var bySatellite = osnma.ToDictionary(s => (s.Svid, s.Start.TotalSeconds));
        foreach (var s in osnma)
        {
            var mack = MackMessage.Decode(s.Mack, first.TagBits, first.KeyBits);
            if (check.KeysBySubframe.TryGetValue(s.Start.TotalSeconds, out var known) && !known.SequenceEqual(mack.Key.ToArray()))
                throw new InvalidOperationException($"satellites disagree on the TESLA key at {s.Start}");
            check.KeysBySubframe[s.Start.TotalSeconds] = mack.Key.ToArray();
        }
        check.CheckChain();
        foreach (var s in osnma) check.CheckMack(s, first, bySatellite, includeSlowMac);
        return check;
    }

    private void CheckKroot(ReceivedDsm dsm, Func<int, ReadOnlyMemory<byte>?> publicKeyPoint)
    {
        var b = dsm.Bytes;
        var pkid = b[0] & 15;
        var keyBits = new[] { 96, 104, 112, 120, 128, 160, 192, 224, 256 }[b[2] >> 4];
        var tagBits = new[] { 0, 0, 0, 0, 0, 20, 24, 28, 32, 40 }[b[2] & 15];
        var hash = (OsnmaHashFunction)((b[1] >> 2) & 3);
        var wn = ((b[4] & 15) << 8) | b[5];
        var gst0 = new GalileoSystemTime(wn, b[6] * 3600).AddSeconds(-30);
        var alpha = (ulong)MsbBitReader.Read(b, 56, 48);
        var lk = keyBits / 8;
        var point = publicKeyPoint(pkid);
        var signatureValid = false;
        var paddingValid = false;
        if (point is { } p)
        {
            using var key = EcPoint.Import(p.Span);
            var sigLen = p.Length == 33 ? 64 : 132;
            var message = DsmKroot.SignedMessage(dsm.NmaHeader, b, keyBits);
            var ds = b.AsSpan(13 + lk, sigLen);
            signatureValid = key.VerifyData(message, ds, p.Length == 33 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            var pad = b.AsSpan(13 + lk + sigLen);
            paddingValid = pad.SequenceEqual(OsnmaHash.Compute(hash, [.. message, .. ds]).AsSpan(0, pad.Length));
        }
        Kroots.Add(new KrootCheck(dsm.Id, pkid, b[1] >> 6, hash, (OsnmaMacFunction)(b[1] & 3), keyBits, tagBits, b[3], gst0, alpha,
            b[13..(13 + lk)], dsm.NmaHeader, signatureValid, paddingValid, dsm.CompletedAt));
    }

    private void CheckPkr(ReceivedDsm dsm)
    {
        var b = dsm.Bytes;
        var mid = b[0] & 15;
        var type = (OsnmaPublicKeyType)(b[129] >> 4);
        var npkLength = type == OsnmaPublicKeyType.AlertMessage ? b.Length - 130 : OsnmaPublicKeyTypes.PublicKeyBytes(type);
        var leaf = b[129..(130 + npkLength)];
        var root = OsnmaMerkleTree.RootFromProof(leaf, mid, b.AsSpan(1, 128));
        var pad = b.AsSpan(130 + npkLength);
        var paddingValid = pad.Length == 0 || pad.SequenceEqual(SHA256.HashData([.. root, .. leaf]).AsSpan(0, pad.Length));
        Pkrs.Add(new PkrCheck(dsm.Id, mid, type, b[129] & 15, b[130..(130 + npkLength)], root, paddingValid, dsm.CompletedAt));
    }

    /// <summary>Each key hashes to the previous subframe's key of its chain, or to its chain's KROOT at GST_0.</summary>
    private void CheckChain()
    {
        foreach (var (t, key) in KeysBySubframe)
        {
            var cid = (HeaderBySubframe[t] >> 4) & 3;
            var chain = Kroots.LastOrDefault(k => k.SignatureValid && k.ChainId == cid && k.Gst0.TotalSeconds < t);
            if (chain is null) continue;
            var previous = GalileoSystemTime.FromTotalSeconds(t - 30);
            var derived = TeslaChain.OneWay(key, previous, chain.Alpha, chain.Hash, key.Length);
            var expected = previous == chain.Gst0 ? chain.Kroot
                : KeysBySubframe.TryGetValue(t - 30, out var k) && ((HeaderBySubframe[t - 30] >> 4) & 3) == cid ? k
                : Kroots.FirstOrDefault(kr => kr.SignatureValid && kr.ChainId == cid && kr.Gst0 == previous)?.Kroot;
            if (expected is null) continue;
            if (derived.SequenceEqual(expected)) KeysChained++;
            else KeysBroken++;
        }
    }

    private void CheckMack(ReceivedSubframe s, KrootCheck chain, Dictionary<(int, long), ReceivedSubframe> bySatellite, bool includeSlowMac)
    {
        var t = s.Start.TotalSeconds;
        if (!KeysBySubframe.TryGetValue(t + 30, out var tagKey)) return;
        var mack = MackMessage.Decode(s.Mack, chain.TagBits, chain.KeyBits);
        var nmas = (OsnmaNmaStatus)(s.Hkroot[0] >> 6);
        var sequence = MacLookupTable.Sequence(chain.MacLookupTable, s.Start);
        var flexible = new List<MackTagInfo>();
        for (var k = 1; k < sequence.Count; k++)
        {
            var info = mack.Tags[k - 1].Info;
            var slot = sequence[k];
            if (slot.Kind == MacSlotKind.Flexible) flexible.Add(info);
            else if (info.Adkd != slot.Adkd || (slot.Kind == MacSlotKind.Self) != (info.PrnD == s.Svid)) TableMismatches++;
        }
        if (OsnmaTagMessage.Macseq(chain.Mac, tagKey, s.Svid, s.Start, flexible) == mack.Macseq) MacseqVerified++;
        else MacseqFailed++;

        Verify(mack.Tag0, null, 0, mack.Tag0Cop, 1, tagKey);
        for (var k = 1; k < sequence.Count; k++)
        {
            var tag = mack.Tags[k - 1];
            var key = tag.Info.Adkd == 12 ? KeysBySubframe.GetValueOrDefault(t + 330) : tagKey;
            if (key is null || (tag.Info.Adkd == 12 && !includeSlowMac)) continue;
            Verify(tag.Tag, tag.Info.PrnD, tag.Info.Adkd, tag.Info.Cop, k + 1, key);
        }

        void Verify(ulong value, int? prnD, int adkd, int cop, int counter, byte[] key)
        {
            var target = prnD ?? s.Svid;
            byte[] data;
            if (cop == 0)
            {
                data = new byte[(InavWordFields.NavDataBits(adkd) + 7) / 8];
                DummyTags++;
            }
            else if (bySatellite.TryGetValue((target, t - 30), out var source))
            {
                var words = InavWordFields.Coverage(adkd).Select(c => c.WordType).Distinct().ToDictionary(w => w, source.Word);
                data = AdkdNavData.Extract(adkd, words);
            }
            else return;
            var computed = OsnmaTagMessage.Tag(chain.Mac, key, chain.TagBits, prnD, s.Svid, s.Start, counter, nmas, data, InavWordFields.NavDataBits(adkd));
            if (computed == value) TagsVerified++;
            else TagFailures.Add(new TagFailure(s.Svid, target, adkd, s.Start));
        }
    }
}
