using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// Opaque bearer tokens the server issued, with their expiry, scopes and, for a token that stands
/// for a three-legged flow, the subscriber it identifies. Unknown, expired and revoked tokens are
/// all 401 UNAUTHENTICATED to the API, as Commonalities has it.
/// </summary>
internal sealed class AccessTokens(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    public int Issued => Volatile.Read(ref _issued);

    public IssuedToken Issue(IReadOnlyList<string> scopes, TimeSpan lifetime, string? phoneNumber)
    {
        PruneExpired();
        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new IssuedToken(value, scopes, clock.GetUtcNow() + lifetime, phoneNumber);
        _tokens[value] = token;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool TryValidate(string value, out IssuedToken token)
    {
        if (_tokens.TryGetValue(value, out var found) && found.ExpiresAt > clock.GetUtcNow())
        {
            token = found;
            return true;
        }
        token = null!;
        return false;
    }

    /// <summary>Every token issued so far stops working, as if its lifetime had run out.</summary>
    public void ExpireAll()
    {
        var now = clock.GetUtcNow();
        foreach (var (value, token) in _tokens) _tokens[value] = token with { ExpiresAt = now };
    }

    // A long demo issues a token every few minutes; dropping dead ones keeps the table small.
    private void PruneExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (value, token) in _tokens)
            if (token.ExpiresAt <= now) _tokens.TryRemove(value, out _);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record IssuedToken(string Value, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt, string? PhoneNumber);
