using System.Text.Json;
using GeoEdge.Ear;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// What the agent reads of an EAR before countersigning it: that it is a compact JWS whose payload is
/// an EAR claims-set, and the host and sequence number the bridge put in it. The signature is NOT
/// verified here (the agent holds no copy of the bridge's JWKS yet); workloads verify it themselves.
/// </summary>
public sealed record EarEnvelope(string Host, ulong Seq)
{
    /// <exception cref="InvalidDataException">The token is not an EAR, or lacks the host or sequence claim; the message says which.</exception>
    public static EarEnvelope Read(string jwt)
    {
        if (jwt.Length > EarJwt.MaxTokenLength) throw new InvalidDataException($"the EAR is {jwt.Length} characters, more than {EarJwt.MaxTokenLength}");
        var parts = jwt.Split('.');
        if (parts.Length != 3) throw new InvalidDataException($"the EAR has {parts.Length} dot-separated parts, a compact JWS 3");
        if (!Base64UrlStrict.TryDecode(parts[0], out _) || !Base64UrlStrict.TryDecode(parts[2], out _))
            throw new InvalidDataException("the EAR's header or signature is not canonical base64url");
        if (!Base64UrlStrict.TryDecode(parts[1], out var payload)) throw new InvalidDataException("the EAR's payload is not canonical base64url");
        GeoEdge.Ear.Ear ear;
        try
        {
            ear = EarClaimsReader.Read(payload);
        }
        catch (EarFormatException e)
        {
            throw new InvalidDataException($"the EAR's claims do not parse: {e.Message}", e);
        }
        if (!ear.ExtraClaims.TryGetValue("geoedge.host", out var host) || host.ValueKind != JsonValueKind.String)
            throw new InvalidDataException("the EAR names no host (geoedge.host)");
        // A verified reading's number (geoedge.seq) or, for a refused message, the number it claimed.
        if (!(ear.ExtraClaims.TryGetValue("geoedge.seq", out var seq) || ear.ExtraClaims.TryGetValue("geoedge.claimed-seq", out seq))
            || seq.ValueKind != JsonValueKind.Number || !seq.TryGetUInt64(out var number))
            throw new InvalidDataException("the EAR carries no sequence number (geoedge.seq or geoedge.claimed-seq)");
        return new EarEnvelope(host.GetString()!, number);
    }
}
