namespace GeoEdge.Timestamping;

/// <summary>Why a timestamp was refused. Every refusal of the client or the verifier names one.</summary>
public enum TimestampFailure
{
    /// <summary>No HTTP exchange with the TSA was possible (connection refused, DNS, TLS, reset).</summary>
    TsaUnreachable,
    /// <summary>The TSA did not answer within the configured time.</summary>
    TsaTimeout,
    /// <summary>The TSA answered with an HTTP status other than 200 (redirects are not followed).</summary>
    HttpStatus,
    /// <summary>The answer's media type is not application/timestamp-reply.</summary>
    WrongContentType,
    /// <summary>The answer is larger than the configured bound.</summary>
    ResponseTooLarge,
    /// <summary>The body is not a DER TimeStampResp (RFC 3161 section 2.4.2).</summary>
    NotTimeStampResp,
    /// <summary>The TSA refused the request: PKIStatus rejection, waiting, revocation...; the exception carries status, failInfo and text.</summary>
    Rejected,
    /// <summary>The status says granted but there is no token.</summary>
    TokenMissing,
    /// <summary>The token is not a CMS SignedData over a TSTInfo.</summary>
    MalformedToken,
    /// <summary>The token's nonce is not the one the request carried (a replayed or misrouted answer).</summary>
    NonceMismatch,
    /// <summary>The message imprint is not SHA-256.</summary>
    UnexpectedHashAlgorithm,
    /// <summary>The message imprint is not the SHA-256 of the data.</summary>
    ImprintMismatch,
    /// <summary>The token does not carry the TSA's certificate (certReq was true).</summary>
    CertificateMissing,
    /// <summary>The TSA certificate's extended key usage is not exactly id-kp-timeStamping, marked critical (RFC 3161 section 2.3).</summary>
    NotTimestampingCertificate,
    /// <summary>The CMS signature, or its binding to the TSA certificate (ESS signing-certificate), does not verify.</summary>
    SignatureInvalid,
    /// <summary>The TSA certificate does not chain to a configured trusted TSA CA.</summary>
    UntrustedCertificate,
    /// <summary>The TSA certificate chains, but was expired or not yet valid at the token's genTime.</summary>
    CertificateNotValidAtGenTime,
    /// <summary>genTime is further from the local clock than the configured skew.</summary>
    GenTimeOutOfRange,
}
