using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Messages;
using GeoEdge.Drivers.Osnma.Tesla;
using GeoEdge.Drivers.Osnma.Trust;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>DSM-PKR and DSM-KROOT handling: public keys, TESLA chains, and the status changes (CPKS) that drop them.</summary>
internal sealed partial class OsnmaEngine
{
    private const int RememberedKroots = 8;
    private readonly Dictionary<int, VerifiedPublicKey> _keys = [];
    private readonly TeslaChain?[] _chains = new TeslaChain?[4];
    private readonly Queue<byte[]> _verifiedKroots = new();
    private readonly Queue<byte[]> _revokedChains = new(); // chain ID || alpha of revoked chains

    private void HandleDsmBlock(NmaHeader header, DsmHeader dsmHeader, ReadOnlySpan<byte> block)
    {
        var dsm = _dsms.Add(header.Raw, dsmHeader, block, out var rejected);
        if (rejected is not null)
        {
            _counters.DsmBlocksRejected++;
            Raise(Now, OsnmaEventKinds.DsmRejected, rejected);
        }
        if (dsm is not null) AcceptDsm(dsmHeader.IsPkr, dsm.NmaHeader, dsm.Bytes);
    }

    /// <summary>A complete DSM with the NMA header it came with (from the HKROOT, or handed in directly by tests).</summary>
    internal void AcceptDsm(bool isPkr, byte nmaHeader, byte[] bytes)
    {
        if (AlertReceived) return;
        if (isPkr) HandlePkr(bytes, new NmaHeader(nmaHeader));
        else HandleKroot(bytes, nmaHeader);
    }

    /// <summary>A complete DSM-PKR: a new public key (NPK, PKREV) or the alert message, proven against the Merkle root.</summary>
    private void HandlePkr(byte[] bytes, NmaHeader header)
    {
        if (!DsmPkr.TryParse(bytes, out var pkr, out var error))
        {
            _counters.DsmRejected++;
            _counters.PublicKeysFailed++;
            Raise(Now, OsnmaEventKinds.PublicKeyRejected, $"DSM-PKR malformed: {error}");
            return;
        }
        if (!pkr!.Verify(_anchors.MerkleRoot, out var failure))
        {
            _counters.PublicKeysFailed++;
            var hint = header.Cpks == OsnmaChainAndKeyStatus.NewMerkleTree ? " (CPKS announces a new Merkle tree: load its root)" : "";
            Raise(Now, header.Cpks == OsnmaChainAndKeyStatus.NewMerkleTree ? OsnmaEventKinds.NewMerkleTree : OsnmaEventKinds.PublicKeyRejected,
                $"DSM-PKR for key {pkr.Npkid}: {failure}{hint}");
            return;
        }
        if (pkr.IsAlert)
        {
            ApplyAlert("OSNMA alert message (DSM-PKR NPKT 4) verified against the Merkle root");
            return;
        }
        OsnmaKeyTypes.TryFromNpkt(pkr.Npkt, out var type);
        var key = new OsnmaPublicKey(pkr.Npkid, type, pkr.Npk.ToArray());
        ECDsa ecdsa;
        try
        {
            ecdsa = OsnmaSignature.Import(type, key.Point);
        }
        catch (CryptographicException e)
        {
            _counters.PublicKeysFailed++;
            Raise(Now, OsnmaEventKinds.PublicKeyRejected, $"DSM-PKR key {key.Pkid} is in the Merkle tree but not a valid point: {e.Message}");
            return;
        }
        _counters.PublicKeysVerified++;
        var isNew = AddKey(new VerifiedPublicKey(key, ecdsa, bytes));
        if (isNew) Raise(Now, OsnmaEventKinds.PublicKeyVerified, $"public key {key.Pkid} ({type}) verified from DSM-PKR leaf {pkr.MerkleLeafIndex}");
        // PKREV: the key delivered while CPKS says "public key revoked" replaces all others (ICD 1.1 section 5.x, renewal/revocation).
        if (header.Cpks == OsnmaChainAndKeyStatus.PublicKeyRevoked) RevokeKeysOtherThan(key.Pkid);
        if (isNew) SaveState();
    }

    /// <summary>Adds a key (replacing another with the same PKID); false when the same key was already held.</summary>
    private bool AddKey(VerifiedPublicKey key)
    {
        if (_keys.TryGetValue(key.Key.Pkid, out var existing))
        {
            if (existing.SameKey(key.Key))
            {
                key.Dispose();
                return false;
            }
            existing.Dispose();
        }
        _keys[key.Key.Pkid] = key;
        return true;
    }

    private void HandleKroot(byte[] bytes, byte nmaHeader)
    {
        if (!DsmKroot.TryParse(bytes, out var parsed, out var error) || parsed is not { } kroot)
        {
            _counters.DsmRejected++;
            _counters.KrootFailed++;
            Raise(Now, OsnmaEventKinds.KrootRejected, $"DSM-KROOT malformed: {error}");
            return;
        }
        if (IsRevoked(kroot)) return;
        var fingerprint = Fingerprint(nmaHeader, bytes);
        if (!_keys.TryGetValue(kroot.Pkid, out var key)) return; // its public key has not been received yet
        if (!_verifiedKroots.Any(f => f.AsSpan().SequenceEqual(fingerprint)))
        {
            if (!DsmKrootVerifier.Verify(kroot, nmaHeader, key.Ecdsa, key.Key.Type, out var failure))
            {
                _counters.KrootFailed++;
                Raise(Now, OsnmaEventKinds.KrootRejected, $"DSM-KROOT of chain {kroot.ChainId}: {failure}");
                return;
            }
            Remember(_verifiedKroots, fingerprint);
        }
        _counters.KrootVerified++;
        AdoptChain(new TeslaChain(kroot, nmaHeader, key.Key.Pkid));
    }

    private bool AdoptChain(TeslaChain chain)
    {
        var existing = _chains[chain.ChainId];
        if (existing is not null)
        {
            // The same chain re-announced (later GST_0, or signed by a new public key): keep the keys and pending tags.
            if (existing.TryReannounce(chain.Kroot, chain.NmaHeader, chain.VerifiedWithPkid, _options.MaxTeslaHashSteps, out var changed))
            {
                if (changed) SaveState();
                return false;
            }
            // An older chain re-using the ID (a replayed DSM-KROOT) never replaces a newer one.
            if (chain.Gst0 < existing.Gst0) return false;
        }
        if (!OsnmaFunctions.IsSupported(chain.Kroot.Hash))
        {
            Raise(Now, OsnmaEventKinds.KrootRejected, $"chain {chain.ChainId} uses {chain.Kroot.Hash}, which this platform lacks");
            return false;
        }
        _chains[chain.ChainId] = chain;
        Raise(Now, OsnmaEventKinds.KrootVerified,
            $"chain {chain.ChainId} (PKID {chain.VerifiedWithPkid}, {chain.Kroot.Hash}, {chain.Kroot.Mac}, {chain.Kroot.KeyBits}-bit keys, {chain.Kroot.TagBits}-bit tags, MACLT {chain.Kroot.MacLt}) from {Gst(chain.Gst0)}");
        SaveState();
        return true;
    }

    /// <summary>Watches the NMA headers: status changes are reported; a "don't use" + CREV header revokes its chain at once.</summary>
    private void ObserveHeader(NmaHeader header, long gst)
    {
        if (_lastHeader != header)
            Raise(Gst(gst), OsnmaEventKinds.StatusChanged, $"NMAS {header.Status}, chain {header.ChainId}, CPKS {header.Cpks}");
        _lastHeader = header;
        // Fail safe: a forged CREV can only deny service, which a spoofer can do anyway; trusting a revoked chain could not be undone.
        if (header is { Status: OsnmaNmaStatus.DontUse, Cpks: OsnmaChainAndKeyStatus.ChainRevoked })
            RevokeChain(header.ChainId, "CPKS chain revoked with NMAS don't use");
    }

    private void RevokeChain(int chainId, string reason)
    {
        var chain = _chains[chainId];
        if (chain is null) return;
        _chains[chainId] = null;
        Remember(_revokedChains, ChainIdentity(chain.Kroot));
        ForgetChainWork(chainId);
        Raise(Now, OsnmaEventKinds.ChainRevoked, $"chain {chainId} dropped: {reason}; nothing is authenticated with it any more");
        SaveState();
    }

    /// <summary>Retires every subframe of the chain still waiting for keys and forgets what the chain authenticated.</summary>
    private void ForgetChainWork(int chainId)
    {
        foreach (var satellite in Satellites)
        {
            foreach (var subframe in satellite.Subframes)
                if (subframe.Header?.ChainId == chainId) subframe.Retire();
            satellite.Ced.Forget(e => (e.ChainMask & (1 << chainId)) != 0);
            satellite.Timing.Forget(e => (e.ChainMask & (1 << chainId)) != 0);
            if (satellite.AuthenticatedWithChain == chainId) satellite.ForgetAuthentication();
        }
    }

    private void RevokeKeysOtherThan(int pkid)
    {
        foreach (var revoked in _keys.Keys.Where(k => k != pkid).ToArray())
        {
            _keys[revoked].Dispose();
            _keys.Remove(revoked);
            Raise(Now, OsnmaEventKinds.PublicKeyRevoked, $"public key {revoked} revoked (PKREV), replaced by {pkid}");
            foreach (var chain in _chains.Where(c => c is not null && c.VerifiedWithPkid == revoked).ToArray())
                RevokeChain(chain!.ChainId, $"its DSM-KROOT was verified with revoked public key {revoked}");
        }
        SaveState();
    }

    /// <summary>OSNMA alert message: all keys and chains are dropped and nothing is authenticated after it.</summary>
    private void ApplyAlert(string reason)
    {
        AlertReceived = true;
        foreach (var key in _keys.Values) key.Dispose();
        _keys.Clear();
        for (var c = 0; c < _chains.Length; c++)
            if (_chains[c] is not null) ForgetChainWork(c);
        Array.Clear(_chains);
        foreach (var satellite in Satellites)
        {
            foreach (var subframe in satellite.Subframes) subframe.Retire();
            satellite.ForgetAuthentication();
        }
        Raise(Now, OsnmaEventKinds.AlertMessage, $"{reason}: all keys dropped, nothing will be authenticated");
        SaveState();
    }

    private bool IsRevoked(DsmKroot kroot)
    {
        var identity = ChainIdentity(kroot);
        return _revokedChains.Any(r => r.AsSpan().SequenceEqual(identity));
    }

    /// <summary>A revoked chain is recognised by its ID and its random alpha, whatever GST_0 it is re-announced from.</summary>
    private static byte[] ChainIdentity(DsmKroot kroot) => [(byte)kroot.ChainId, .. kroot.Alpha];

    private static byte[] Fingerprint(byte nmaHeader, ReadOnlySpan<byte> dsm)
    {
        var input = new byte[dsm.Length + 1];
        input[0] = nmaHeader;
        dsm.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    private static void Remember(Queue<byte[]> queue, byte[] fingerprint)
    {
        queue.Enqueue(fingerprint);
        while (queue.Count > RememberedKroots) queue.Dequeue();
    }
}
