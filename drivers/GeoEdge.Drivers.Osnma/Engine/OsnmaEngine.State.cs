using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Messages;
using GeoEdge.Drivers.Osnma.State;
using GeoEdge.Drivers.Osnma.Tesla;
using GeoEdge.Drivers.Osnma.Trust;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>Trust anchors and the persisted state: everything is verified before use, and saved only when it changed.</summary>
internal sealed partial class OsnmaEngine
{
    private bool _loading;
    private byte[]? _lastSaved;
    private long _lastSavedTeslaGst = -1; // GST seconds are never negative: the first verified key is always saved

    private void LoadAnchors()
    {
        if (_anchors.MerkleRoot.Length != 32) throw new ArgumentException($"the Merkle root is 32 bytes, got {_anchors.MerkleRoot.Length}", nameof(_anchors));
        _loading = true;
        try
        {
            if (_anchors.PublicKey is { } key) LoadAnchorKey(key);
            if (_anchors.Kroot is { } kroot)
            {
                if (TryVerifyKroot(kroot.NmaHeader, kroot.Dsm, out var chain, out var failure)) AdoptChain(chain!);
                else Raise(null, OsnmaEventKinds.AnchorRejected, $"given DSM-KROOT not used: {failure}");
            }
        }
        finally
        {
            _loading = false;
        }
    }

    private void LoadAnchorKey(OsnmaPublicKey key)
    {
        var path = key.Path is { Siblings.Count: 4 } p ? p : null;
        if (path is not null && !path.Proves(key, _anchors.MerkleRoot))
        {
            Raise(null, OsnmaEventKinds.AnchorRejected, $"given public key {key.Pkid} is not the leaf {path.LeafIndex} of the Merkle tree: not used");
            return;
        }
        try
        {
            AddKey(new VerifiedPublicKey(key, OsnmaSignature.Import(key.Type, key.Point), null));
            Raise(null, OsnmaEventKinds.PublicKeyVerified, path is null
                ? $"public key {key.Pkid} accepted as given (no Merkle path to check it with)"
                : $"public key {key.Pkid} verified against the Merkle root (leaf {path.LeafIndex})");
        }
        catch (CryptographicException e)
        {
            Raise(null, OsnmaEventKinds.AnchorRejected, $"given public key {key.Pkid} is not a valid point: {e.Message}");
        }
    }

    private bool TryVerifyKroot(byte nmaHeader, byte[] dsm, out TeslaChain? chain, out string failure)
    {
        chain = null;
        if (!DsmKroot.TryParse(dsm, out var kroot, out failure)) return false;
        if (!_keys.TryGetValue(kroot!.Pkid, out var key))
        {
            failure = $"public key {kroot.Pkid} that signed it is not known";
            return false;
        }
        if (!DsmKrootVerifier.Verify(kroot, nmaHeader, key.Ecdsa, key.Key.Type, out failure)) return false;
        chain = new TeslaChain(kroot, nmaHeader, key.Key.Pkid);
        return true;
    }

    /// <summary>Re-verifies a stored state; all of it is used, or none of it (with an event saying why).</summary>
    private void LoadState()
    {
        if (_store is null) return;
        byte[]? bytes;
        PersistedState state;
        try
        {
            bytes = _store.Load();
            if (bytes is null) return;
            state = OsnmaStateCodec.Decode(bytes);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Raise(null, OsnmaEventKinds.StateRejected, $"stored state not used: {e.Message}");
            return;
        }

        var added = new List<VerifiedPublicKey>();
        _loading = true;
        try
        {
            var failure = ApplyState(state, added);
            if (failure is null)
            {
                _lastSaved = bytes;
                Raise(null, OsnmaEventKinds.StateLoaded,
                    $"stored state verified: keys [{string.Join(",", state.Keys.Select(k => k.Key.Pkid))}], {state.Kroots.Count} DSM-KROOT(s), TESLA key {(state.Tesla is null ? "none" : "verified")}");
                return;
            }
            foreach (var key in added)
            {
                _keys.Remove(key.Key.Pkid);
                key.Dispose();
            }
            LoadAnchors(); // back to what the anchors alone give
            Raise(null, OsnmaEventKinds.StateRejected, $"stored state not used: {failure}");
        }
        finally
        {
            _loading = false;
        }
    }

    /// <returns>Null when the whole state verified and was applied, else why it was refused (keys added so far are in <paramref name="added"/>).</returns>
    private string? ApplyState(PersistedState state, List<VerifiedPublicKey> added)
    {
        foreach (var (key, pkr) in state.Keys)
        {
            if (!KeyIsProven(key, pkr, out var why)) return why;
            ECDsa ecdsa;
            try { ecdsa = OsnmaSignature.Import(key.Type, key.Point); }
            catch (CryptographicException e) { return $"public key {key.Pkid}: {e.Message}"; }
            var verified = new VerifiedPublicKey(key, ecdsa, pkr);
            if (AddKey(verified)) added.Add(verified);
        }
        var chains = new List<TeslaChain>();
        foreach (var kroot in state.Kroots)
        {
            if (!TryVerifyKroot(kroot.NmaHeader, kroot.Dsm, out var chain, out var why)) return $"DSM-KROOT: {why}";
            chains.Add(chain!);
        }
        if (state.Tesla is { } tesla)
        {
            var chain = chains.FirstOrDefault(c => c.ChainId == tesla.ChainId);
            if (chain is null) return $"TESLA key of chain {tesla.ChainId} has no stored DSM-KROOT";
            var result = chain.Verify(tesla.Key, tesla.Gst, _options.MaxTeslaHashSteps);
            if (result.Outcome != TeslaKeyOutcome.Verified) return $"TESLA key of {Gst(tesla.Gst)} does not hash down to its KROOT ({result.Reason})";
        }
        foreach (var chain in chains) AdoptChain(chain);
        if (state.Tesla is { } t) _chains[t.ChainId]?.Verify(t.Key, t.Gst, _options.MaxTeslaHashSteps);
        return null;
    }

    private bool KeyIsProven(OsnmaPublicKey key, byte[]? dsmPkr, out string why)
    {
        why = "";
        if (dsmPkr is null)
        {
            if (_anchors.PublicKey is { } anchor && anchor.Pkid == key.Pkid && anchor.Type == key.Type && anchor.Point.AsSpan().SequenceEqual(key.Point)) return true;
            why = $"public key {key.Pkid} is neither the given anchor nor proven by a stored DSM-PKR";
            return false;
        }
        if (!DsmPkr.TryParse(dsmPkr, out var pkr, out var error)) { why = $"stored DSM-PKR malformed: {error}"; return false; }
        if (!pkr!.Verify(_anchors.MerkleRoot, out var failure)) { why = $"stored DSM-PKR of key {key.Pkid}: {failure}"; return false; }
        if (pkr.Npkid != key.Pkid || pkr.Npkt != (int)key.Type || !pkr.Npk.SequenceEqual(key.Point))
        {
            why = $"stored public key {key.Pkid} is not the one its DSM-PKR carries";
            return false;
        }
        return true;
    }

    private void MaybeSaveTeslaKey(TeslaChain chain)
    {
        if (chain.LatestGst - _lastSavedTeslaGst >= _options.TeslaKeySaveInterval.TotalSeconds) SaveState();
    }

    /// <summary>Saves keys, the DSM-KROOTs of the chains held and the newest TESLA key, if that differs from what was saved last.</summary>
    private void SaveState()
    {
        if (_store is null || _loading) return;
        var chains = _chains.Where(c => c is not null).Select(c => c!).ToArray();
        var newest = chains.Where(c => c.LatestGst >= c.Gst0).MaxBy(c => c.LatestGst);
        var state = new PersistedState(
            _keys.Values.OrderBy(k => k.Key.Pkid).Select(k => new PersistedKey(k.Key with { Path = null }, k.DsmPkr)).ToArray(),
            chains.Select(c => new PersistedKroot(c.Persistable.Header, c.Persistable.Kroot.Bytes)).ToArray(),
            newest is null ? null : new PersistedTeslaKey(newest.ChainId, newest.LatestGst, newest.LatestKey));
        var encoded = OsnmaStateCodec.Encode(state);
        if (_lastSaved is not null && _lastSaved.AsSpan().SequenceEqual(encoded)) return;
        try
        {
            _store.Save(encoded);
            _lastSaved = encoded;
            if (newest is not null) _lastSavedTeslaGst = newest.LatestGst;
            Raise(Now, OsnmaEventKinds.StateSaved, $"state saved: keys [{string.Join(",", _keys.Keys.Order())}], chains [{string.Join(",", chains.Select(c => c.ChainId))}]");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Raise(Now, OsnmaEventKinds.StateSaveFailed, $"state not saved: {e.Message}");
        }
    }
}
