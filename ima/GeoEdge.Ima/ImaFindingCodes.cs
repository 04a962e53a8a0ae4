namespace GeoEdge.Ima;

/// <summary>The stable codes of <see cref="ImaEntryVerdict.Code"/>: tests, the bridge and dashboards match these, not the detail text.</summary>
public static class ImaFindingCodes
{
    /// <summary>Accepted: digest in the policy, signature verified, or nothing to appraise against.</summary>
    public const string Ok = "ok";

    /// <summary>Accepted without appraisal: the path matches the policy's excludes, or the keyring is ignored.</summary>
    public const string Excluded = "excluded";

    public const string TemplateHashMismatch = "template-hash-mismatch";
    public const string DigestNotInPolicy = "digest-not-in-policy";
    public const string PathNotInPolicy = "path-not-in-policy";

    /// <summary>An ima-sig entry whose signature does not verify, with keys to check it and no policy to fall back on.</summary>
    public const string SignatureInvalid = "signature-invalid";

    /// <summary>A key loaded onto a keyring (ima-buf) that the policy's "keyrings" does not list.</summary>
    public const string KeyringNotInPolicy = "keyring-not-in-policy";

    /// <summary>A key loaded onto a keyring (ima-buf) of a type IMA cannot verify with (neither RSA nor EC).</summary>
    public const string KeyUnsupported = "key-unsupported";

    /// <summary>Another ima-buf measurement whose digest the policy's "ima-buf" does not list.</summary>
    public const string ImaBufNotInPolicy = "ima-buf-not-in-policy";

    /// <summary>The kernel's all-zero template hash (open-writers / ToMToU); passes unless violations are set to fail.</summary>
    public const string Violation = "violation";

    public const string BootAggregateMismatch = "boot-aggregate-mismatch";

    /// <summary>The entry was recorded for a PCR other than 10.</summary>
    public const string WrongPcr = "wrong-pcr";
}
