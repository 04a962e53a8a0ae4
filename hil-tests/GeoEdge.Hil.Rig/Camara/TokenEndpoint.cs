using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// <c>POST /token</c>: the OAuth 2.0 client credentials grant (RFC 6749 §4.4) with the client
/// authenticated by HTTP Basic (§2.3.1). Errors are RFC 6749 §5.2 bodies,
/// <c>{"error","error_description"}</c>: invalid_client (401, with WWW-Authenticate),
/// invalid_request, unsupported_grant_type and invalid_scope (400).
/// </summary>
internal sealed class TokenEndpoint(CamaraServerOptions options, AccessTokens tokens)
{
    private sealed class TokenError(int status, string error, string description) : Exception(description)
    {
        public int Status { get; } = status;
        public string Error { get; } = error;
    }

    public async Task HandleAsync(HttpContext context)
    {
        // Token responses and errors must never be cached (RFC 6749 §5.1).
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        try
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.Headers.Allow = "POST";
                throw new TokenError(405, "invalid_request", "the token endpoint only accepts POST");
            }
            Authenticate(context.Request);
            if (!CamaraHttp.HasMediaType(context.Request, "application/x-www-form-urlencoded"))
                throw new TokenError(400, "invalid_request", "the token request must be application/x-www-form-urlencoded");
            byte[] body;
            try
            {
                body = await CamaraHttp.ReadBodyAsync(context, options.MaxRequestBodyBytes);
            }
            catch (CamaraError e)
            {
                throw new TokenError(400, "invalid_request", e.Detail);
            }
            var form = ParseForm(body);
            var grantType = form.GetValueOrDefault("grant_type") ?? throw new TokenError(400, "invalid_request", "grant_type is required");
            if (grantType != "client_credentials")
                throw new TokenError(400, "unsupported_grant_type", $"grant_type '{grantType}' is not supported; use client_credentials");
            var scopes = GrantedScopes(form.GetValueOrDefault("scope"));
            var token = tokens.Issue(scopes, options.TokenLifetime, phoneNumber: null);
            await CamaraHttp.WriteJsonAsync(context, 200, writer =>
            {
                writer.WriteString("access_token", token.Value);
                writer.WriteString("token_type", "Bearer");
                writer.WriteNumber("expires_in", (long)Math.Ceiling(options.TokenLifetime.TotalSeconds));
                writer.WriteString("scope", string.Join(' ', token.Scopes));
            });
        }
        catch (TokenError e)
        {
            if (e.Status == 401) context.Response.Headers.WWWAuthenticate = "Basic realm=\"camara\"";
            await CamaraHttp.WriteJsonAsync(context, e.Status, writer =>
            {
                writer.WriteString("error", e.Error);
                writer.WriteString("error_description", e.Message);
            });
        }
    }

    private void Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            throw new TokenError(401, "invalid_client", "client authentication with HTTP Basic is required");
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            throw new TokenError(401, "invalid_client", "the Basic credentials are not base64");
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0) throw new TokenError(401, "invalid_client", "the Basic credentials lack the ':' separator");
        // RFC 6749 §2.3.1: id and secret are form-urlencoded before going into Basic.
        var id = FormDecode(decoded[..colon]);
        var secret = FormDecode(decoded[(colon + 1)..]);
        if (!FixedTimeEquals(id, options.ClientId) | !FixedTimeEquals(secret, options.ClientSecret))
            throw new TokenError(401, "invalid_client", "unknown client or wrong secret");
    }

    private IReadOnlyList<string> GrantedScopes(string? requested)
    {
        if (requested is null)
        {
            if (options.RequireScopeInTokenRequest)
                throw new TokenError(400, "invalid_scope", "scope is required in a client credentials request (CAMARA security profile)");
            return [CamaraServerOptions.VerifyScope];
        }
        var scopes = requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (scopes.Length == 0) throw new TokenError(400, "invalid_scope", "scope is empty");
        var unknown = scopes.FirstOrDefault(scope => !options.GrantableScopes.Contains(scope));
        if (unknown is not null) throw new TokenError(400, "invalid_scope", $"scope '{unknown}' cannot be granted to this client");
        return scopes;
    }

    /// <summary>application/x-www-form-urlencoded; a parameter sent twice is refused (RFC 6749 §3.2).</summary>
    private static Dictionary<string, string> ParseForm(byte[] body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = FormDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : FormDecode(pair[(equals + 1)..]);
            if (!form.TryAdd(name, value)) throw new TokenError(400, "invalid_request", $"parameter '{name}' is repeated");
        }
        return form;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Form decoding that refuses what a lenient decoder would pass through: a '%' not followed by
    /// two hex digits, or escapes that do not decode to UTF-8.
    /// </summary>
    private static string FormDecode(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                    throw new TokenError(400, "invalid_request", "malformed percent-encoding in the form");
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '+') bytes.Add((byte)' ');
            else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw new TokenError(400, "invalid_request", "the form does not decode to UTF-8");
        }
    }

    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
