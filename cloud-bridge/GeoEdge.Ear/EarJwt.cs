using System.Text;
using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>
/// EAR as a JWT (RFC 7519) in compact JWS form, signed ES256 only. Verification never throws for a
/// bad token: every refusal is an <see cref="EarVerification"/> naming its kind and reason. The
/// signature is checked before the claims are parsed, so unauthenticated JSON is never interpreted.
/// Stateless and thread-safe.
/// </summary>
public static class EarJwt
{
    public const int MaxTokenLength = 64 * 1024;
    public const string Algorithm = "ES256";

    public static string Sign(Ear ear, EarSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(ear);
        ArgumentNullException.ThrowIfNull(key);
        var header = ClaimValues.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            writer.WriteString("typ", "JWT");
            writer.WriteString("kid", key.Kid);
            writer.WriteEndObject();
        });
        var signingInput = $"{Base64UrlStrict.Encode(Encoding.UTF8.GetBytes(header.GetRawText()))}.{Base64UrlStrict.Encode(EarClaimsWriter.Write(ear))}";
        var signature = key.SignEs256(Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlStrict.Encode(signature)}";
    }

    /// <param name="now">the verifier's current time.</param>
    /// <param name="clockSkew">tolerance applied to exp, nbf and iat; must not be negative.</param>
    public static EarVerification Verify(string jwt, Jwks keys, DateTimeOffset now, TimeSpan clockSkew)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(clockSkew, TimeSpan.Zero);
        if (string.IsNullOrEmpty(jwt)) return EarVerification.Fail(EarFailureKind.Malformed, "token is empty");
        if (jwt.Length > MaxTokenLength)
            return EarVerification.Fail(EarFailureKind.Malformed, $"token is {jwt.Length} characters, more than the {MaxTokenLength} allowed");

        var parts = jwt.Split('.');
        if (parts.Length != 3)
            return EarVerification.Fail(EarFailureKind.Malformed, $"a compact JWS has 3 dot-separated parts, this token has {parts.Length}");
        if (!Base64UrlStrict.TryDecode(parts[0], out var headerBytes))
            return EarVerification.Fail(EarFailureKind.Malformed, "header is not canonical unpadded base64url");
        if (!Base64UrlStrict.TryDecode(parts[1], out var payloadBytes))
            return EarVerification.Fail(EarFailureKind.Malformed, "payload is not canonical unpadded base64url");
        if (!Base64UrlStrict.TryDecode(parts[2], out var signature))
            return EarVerification.Fail(EarFailureKind.Malformed, "signature is not canonical unpadded base64url");

        var header = JwsHeader.Read(headerBytes);
        if (header.Failure is not null) return header.Failure;

        var signingInput = Encoding.ASCII.GetBytes(jwt, 0, parts[0].Length + 1 + parts[1].Length);
        var verifiedBy = FindVerifyingKey(keys, header.Kid, signingInput, signature, out var keyFailure);
        if (verifiedBy is null) return keyFailure!;

        Ear ear;
        try
        {
            ear = EarClaimsReader.Read(payloadBytes);
        }
        catch (EarFormatException e) when (e.MissingClaim is not null)
        {
            return EarVerification.Fail(EarFailureKind.MissingClaim, e.Message, e.MissingClaim);
        }
        catch (EarFormatException e)
        {
            return EarVerification.Fail(EarFailureKind.Malformed, e.Message);
        }

        return CheckTimes(ear, now, clockSkew) ?? EarVerification.Success(ear, verifiedBy.Kid);
    }

    private static EcPublicJwk? FindVerifyingKey(Jwks keys, string? kid, byte[] signingInput, byte[] signature, out EarVerification? failure)
    {
        failure = null;
        if (signature.Length != 2 * EcPublicJwk.CoordinateBytes)
        {
            failure = EarVerification.Fail(EarFailureKind.BadSignature, $"signature is {signature.Length} bytes, ES256 signatures are 64");
            return null;
        }
        // With a kid, only that key may have signed. Without one, any trusted key may have: all are
        // equally trusted, and the set is bounded (Jwks.MaxKeys), so trying each is safe.
        IEnumerable<EcPublicJwk> candidates;
        if (kid is not null)
        {
            var key = keys.Find(kid);
            if (key is null)
            {
                failure = EarVerification.Fail(EarFailureKind.UnknownKey, $"kid '{kid}' is not in the trusted key set");
                return null;
            }
            candidates = [key];
        }
        else
        {
            candidates = keys.Keys;
        }
        foreach (var candidate in candidates)
            if (candidate.VerifyEs256(signingInput, signature)) return candidate;
        failure = EarVerification.Fail(EarFailureKind.BadSignature,
            kid is null ? "no trusted key verifies the signature (token has no kid)" : $"signature does not verify with key '{kid}'");
        return null;
    }

    private static EarVerification? CheckTimes(Ear ear, DateTimeOffset now, TimeSpan skew)
    {
        if (ear.ExpiresAt is { } exp && now > exp + skew)
            return EarVerification.Fail(EarFailureKind.Expired, $"expired at {exp:O}; now is {now:O}");
        if (ear.NotBefore is { } nbf && now < nbf - skew)
            return EarVerification.Fail(EarFailureKind.NotYetValid, $"not valid before {nbf:O}; now is {now:O}");
        if (now < ear.IssuedAt - skew)
            return EarVerification.Fail(EarFailureKind.NotYetValid, $"issued in the future ({ear.IssuedAt:O}); now is {now:O}");
        return null;
    }

    /// <summary>The protected header, read only as far as choosing the algorithm and key needs.</summary>
    private sealed record JwsHeader(string? Kid, EarVerification? Failure)
    {
        public static JwsHeader Read(byte[] utf8)
        {
            try
            {
                using var document = StrictJson.Parse(utf8);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return Fail(EarFailureKind.Malformed, $"header must be a JSON object, found {root.ValueKind}");
                if (!root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
                    return Fail(EarFailureKind.Malformed, "header has no \"alg\" string");
                var algorithm = alg.GetString()!;
                if (algorithm != Algorithm)
                    return Fail(EarFailureKind.UnsupportedAlgorithm, algorithm.Equals("none", StringComparison.OrdinalIgnoreCase)
                        ? "alg 'none' (unsigned token) is always refused"
                        : $"alg '{algorithm}' is not accepted; EARs must be ES256");
                // RFC 7515 4.1.11: a recipient must refuse extensions it does not understand; we understand none.
                if (root.TryGetProperty("crit", out _)) return Fail(EarFailureKind.Malformed, "header lists critical extensions (\"crit\"), none of which are supported");
                string? kid = null;
                if (root.TryGetProperty("kid", out var kidElement))
                {
                    if (kidElement.ValueKind != JsonValueKind.String) return Fail(EarFailureKind.Malformed, "header \"kid\" must be a string");
                    kid = kidElement.GetString();
                }
                return new JwsHeader(kid, null);
            }
            catch (JsonException e)
            {
                return Fail(EarFailureKind.Malformed, $"header is not valid JSON: {e.Message}");
            }
        }

        private static JwsHeader Fail(EarFailureKind kind, string reason) => new(null, EarVerification.Fail(kind, reason));
    }
}
