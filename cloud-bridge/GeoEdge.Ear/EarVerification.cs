
namespace GeoEdge.Ear;

public enum EarFailureKind
{
    /// <summary>Not a compact JWS, bad base64url, bad JSON, or claims that break the EAR rules.</summary>
    Malformed,
    /// <summary>Any "alg" but ES256; "none" is always refused.</summary>
    UnsupportedAlgorithm,
    /// <summary>The kid names no trusted key.</summary>
    UnknownKey,
    /// <summary>No trusted key verifies the signature.</summary>
    BadSignature,
    Expired,
    /// <summary>nbf is still ahead, or iat is in the future (beyond the allowed clock skew).</summary>
    NotYetValid,
    /// <summary>A mandatory claim is absent; <see cref="EarVerificationFailure.Claim"/> names it.</summary>
    MissingClaim,
}

/// <param name="Claim">for <see cref="EarFailureKind.MissingClaim"/>, the dotted path of the absent claim.</param>
public sealed record EarVerificationFailure(EarFailureKind Kind, string Reason, string? Claim = null)
{
    public override string ToString() => $"{Kind}: {Reason}";
}

/// <summary>Outcome of <see cref="EarJwt.Verify"/>: either the verified <see cref="Ear"/> or why it was refused, never both.</summary>
public sealed class EarVerification
{
    public Ear? Ear { get; }
    public EarVerificationFailure? Failure { get; }
    /// <summary>kid of the key that verified the signature.</summary>
    public string? VerifiedWithKid { get; }

    public bool IsValid => Ear is not null;

    private EarVerification(Ear? ear, EarVerificationFailure? failure, string? kid)
    {
        Ear = ear;
        Failure = failure;
        VerifiedWithKid = kid;
    }

    internal static EarVerification Success(Ear ear, string kid) => new(ear, null, kid);

    internal static EarVerification Fail(EarFailureKind kind, string reason, string? claim = null) =>
        new(null, new EarVerificationFailure(kind, reason, claim), null);

    public override string ToString() => IsValid ? $"valid EAR signed by {VerifiedWithKid}" : Failure!.ToString();
}
