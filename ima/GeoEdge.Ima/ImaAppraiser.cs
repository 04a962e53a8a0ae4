namespace GeoEdge.Ima;

/// <summary>
/// Appraises entries the way Keylime's verifier does (keylime/ima/ima.py, ast.py):
/// <list type="bullet">
/// <item>an entry for a PCR other than 10 fails; a violation (all-zero template hash) is not appraised further and,
/// as with Keylime's default ignore_tomtou_errors = False, passes unless <c>failViolations</c>; a template hash that
/// does not match the template data fails;</item>
/// <item>ima, ima-ng: with no policy everything passes; else an excluded path passes, a path missing from
/// "digests" fails, a digest not listed for the path fails;</item>
/// <item>ima-sig: with keys and a signature, an excluded path or a verified signature passes; otherwise the policy
/// decides as for ima-ng; with neither a policy nor keys the entry passes; with keys but no policy it fails;</item>
/// <item>ima-buf: a buffer holding a key (a key loaded onto a keyring) passes when the keyring is ignored, else must be
/// listed under "keyrings"; once accepted, the key verifies later ima-sig entries, as the kernel would use it;
/// any other buffer must be listed under "ima-buf".</item>
/// </list>
/// Keys come from the constructor and from the policy's "verification-keys"; with neither, signatures are not checked.
/// Not thread-safe: an appraiser learns keyring keys from the list it reads, so use one per measurement list.
/// </summary>
public sealed class ImaAppraiser
{
    private const string ListedInDigests = "digest listed for this path in the policy's digests";
    private const string ListedInKeyrings = "key digest listed for this keyring in the policy's keyrings";
    private const string ListedInImaBuf = "buffer digest listed for this name in the policy's ima-buf";

    private readonly bool _failViolations;
    private readonly bool _checksSignatures;
    private ImaVerificationKeys _keys;

    public ImaAppraiser(RuntimePolicy? policy, ImaVerificationKeys? keys = null, bool failViolations = false)
    {
        Policy = policy;
        _failViolations = failViolations;
        _checksSignatures = keys is not null || policy?.VerificationKeys is not null;
        _keys = (keys ?? ImaVerificationKeys.Empty).With(policy?.VerificationKeys);
    }

    public RuntimePolicy? Policy { get; }

    /// <summary>How many entries this appraiser has appraised (so a caller can show that only new entries cost).</summary>
    public long Appraised { get; private set; }

    /// <summary>Keys in use, including those learned from accepted keyring entries.</summary>
    public ImaVerificationKeys Keys => _keys;

    public ImaEntryVerdict Appraise(ImaEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Appraised++;
        if (entry.Pcr != ImaReplay.ImaPcr)
            return Fail(entry, ImaFindingCodes.WrongPcr, $"recorded for PCR {entry.Pcr}, not PCR {ImaReplay.ImaPcr}");
        if (entry.IsViolation)
            return new ImaEntryVerdict(entry, !_failViolations, ImaFindingCodes.Violation,
                "all-zero template hash: the kernel could not measure this file cleanly (open for write, or changed while measured); not appraised");
        if (!entry.TemplateHashMatches())
            return Fail(entry, ImaFindingCodes.TemplateHashMismatch,
                $"template hash {Convert.ToHexStringLower(entry.TemplateHash)} is not SHA-1 of the template data {Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(entry.TemplateData))}");
        return entry.TemplateName switch
        {
            ImaTemplate.ImaSig => Signed(entry),
            ImaTemplate.ImaBuf => Buffer(entry),
            _ => Digest(entry, Policy?.Digests, "digests", ImaFindingCodes.DigestNotInPolicy),
        };
    }

    private ImaEntryVerdict Signed(ImaEntry entry)
    {
        var detail = "";
        if (_checksSignatures && entry.Signature is not null)
        {
            if (Excluded(entry) is { } excluded) return excluded;
            if (_keys.Verify(entry, out detail)) return Pass(entry, ImaFindingCodes.Ok, detail);
        }
        if (Policy is not null)
        {
            var verdict = Digest(entry, Policy.Digests, "digests", ImaFindingCodes.DigestNotInPolicy);
            return verdict.Passed || detail.Length == 0 ? verdict : verdict with { Detail = $"{verdict.Detail}; signature: {detail}" };
        }
        if (!_checksSignatures) return Pass(entry, ImaFindingCodes.Ok, "no runtime policy and no verification keys: not appraised");
        return Fail(entry, ImaFindingCodes.SignatureInvalid, entry.Signature is null ? "no signature, and no runtime policy to fall back on" : detail);
    }

    private ImaEntryVerdict Buffer(ImaEntry entry)
    {
        ImaPublicKey? key;
        try
        {
            key = ImaKeyMaterial.TryRead(entry.Buffer ?? []);
        }
        catch (ImaKeyException e)
        {
            return Fail(entry, ImaFindingCodes.KeyUnsupported, $"the key loaded onto keyring {entry.Path} is not usable: {e.Message}");
        }
        if (key is null) return Digest(entry, Policy?.ImaBuf, "ima-buf", ImaFindingCodes.ImaBufNotInPolicy);
        var ignored = Policy?.IgnoredKeyrings ?? [];
        if (ignored.Contains("*") || ignored.Contains(entry.Path))
            return Pass(entry, ImaFindingCodes.Excluded, $"keyring {entry.Path} is in ima.ignored_keyrings; key {key} not appraised");
        var verdict = Digest(entry, Policy?.Keyrings, "keyrings", ImaFindingCodes.KeyringNotInPolicy);
        // Keylime trusts the key once its entry did not fail (listed, excluded, or no policy at all).
        if (verdict.Passed && _checksSignatures)
        {
            _keys = _keys.With(key);
            return verdict with { Detail = $"{verdict.Detail}; key {key} now verifies signatures" };
        }
        return verdict;
    }

    /// <summary>Keylime's _validate_ima_ng over one of the policy's maps.</summary>
    private ImaEntryVerdict Digest(ImaEntry entry, PolicyDigests? map, string member, string missingDigestCode)
    {
        if (Policy is null || map is null) return Pass(entry, ImaFindingCodes.Ok, "no runtime policy: not appraised");
        if (Excluded(entry) is { } excluded) return excluded;
        var missingPathCode = member == "digests" ? ImaFindingCodes.PathNotInPolicy : missingDigestCode;
        return map.Lookup(entry.Path, entry.FileDigest) switch
        {
            // A constant detail: most entries pass, and formatting their digests would double the cost of appraisal.
            PolicyLookup.Accepted => Pass(entry, ImaFindingCodes.Ok, member switch { "digests" => ListedInDigests, "keyrings" => ListedInKeyrings, _ => ListedInImaBuf }),
            PolicyLookup.NameMissing => Fail(entry, missingPathCode, $"{entry.Path} is not in the policy's {member}"),
            _ => Fail(entry, missingDigestCode, $"{entry.FileDigest} is not among the digests {member} lists for {entry.Path}: {map.Describe(entry.Path)}"),
        };
    }

    private ImaEntryVerdict? Excluded(ImaEntry entry)
    {
        if (Policy is null) return null;
        return Policy.ExcludeList.Matches(entry.Path) ? Pass(entry, ImaFindingCodes.Excluded, $"{entry.Path} matches the policy's excludes") : null;
    }

    private static ImaEntryVerdict Pass(ImaEntry entry, string code, string detail) => new(entry, true, code, detail);

    private static ImaEntryVerdict Fail(ImaEntry entry, string code, string detail) => new(entry, false, code, detail);
}
