using System.Text.Json;
using GeoEdge.Bridge.Freshness;
using GeoEdge.Bridge.Store;
using GeoEdge.Ear;
using GeoEdge.Transparency;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Api;

/// <summary>
/// The HTTP API (docs/bridge.md): hosts, verdicts, policies, the result-signing keys and the
/// current nonce epoch, the transparency log. Every refusal is a JSON {"error": "..."} naming what was wrong.
/// </summary>
public static class BridgeApi
{
    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapGet("/health", () => Results.Text("{\"status\":\"ok\"}", "application/json"));
        v1.MapGet("/keys", (EarSigningKey key) => Results.Text(new Jwks([key.PublicKey]).ToJson(), "application/jwk-set+json"));
        v1.MapGet("/epoch", (NonceEpochs epochs) => Results.Bytes(WireJson.Encode(epochs.Current), "application/json"));
        v1.MapGet("/hosts", (BridgeStore store) => Results.Json(store.ListHosts().Select(ToView).ToList(), BridgeJsonContext.Default.ListHostView));
        v1.MapGet("/hosts/{hostId}", (string hostId, BridgeStore store) =>
            store.GetHost(hostId) is { } host ? Results.Json(ToView(host), BridgeJsonContext.Default.HostView) : NotFound($"host '{hostId}' is not enrolled"));
        v1.MapGet("/hosts/{hostId}/verdicts", (string hostId, long? after, int? limit, BridgeStore store, TransparencyLog log) =>
        {
            var n = Math.Clamp(limit ?? 100, 1, 1000);
            var verdicts = store.Verdicts(hostId, after ?? 0, n).Select(v => ToView(v, log)).ToList();
            return Results.Json(verdicts, BridgeJsonContext.Default.ListVerdictView);
        });
        // Every stored reading in the order the bridge accepted it: lets an operator (and the fault
        // tests) check that a host's sequence numbers arrived complete, once each, and in order.
        v1.MapGet("/hosts/{hostId}/readings", (string hostId, BridgeStore store) =>
            store.GetHost(hostId) is null ? NotFound($"host '{hostId}' is not enrolled")
                : Results.Json(store.ReadingArrivals(hostId).Select(r => new ReadingArrivalView(r.Seq, r.ReceivedAt, r.GnssAuthenticated, r.GnssAuthenticatedSatellites)).ToList(),
                    BridgeJsonContext.Default.ListReadingArrivalView));
        v1.MapGet("/hosts/{hostId}/composition", (string hostId, BridgeStore store) =>
            store.GetHost(hostId) is { } host ? Results.Json(Composition(host, store), BridgeJsonContext.Default.CompositionView) : NotFound($"host '{hostId}' is not enrolled"));
        // The operator approves the composition the host now shows, sending it back as seen: if it changed
        // again meanwhile, the approval is refused rather than applied to something the operator never saw.
        v1.MapPost("/hosts/{hostId}/composition/approve", async (string hostId, HttpRequest request, BridgeStore store) =>
        {
            if (store.GetHost(hostId) is not { } host) return NotFound($"host '{hostId}' is not enrolled");
            var body = await ReadBoundedAsync(request, 4096);
            if (body is null) return BadRequest("composition larger than 4096 bytes");
            HostComposition expected;
            try
            {
                expected = JsonSerializer.Deserialize(body, WireJsonContext.Default.HostComposition) ?? throw new JsonException("null");
            }
            catch (JsonException e)
            {
                return BadRequest($"the body must be the pending composition as GET .../composition shows it: {e.Message.Split(". ")[0]}");
            }
            if (!store.ApprovePendingComposition(hostId, expected))
                return Results.Json(new ErrorView(store.GetPendingComposition(hostId) is null
                    ? $"host '{hostId}' has no composition waiting for approval"
                    : $"host '{hostId}' now shows another composition than the one sent: GET it again"), BridgeJsonContext.Default.ErrorView, statusCode: 409);
            return Results.Json(Composition(store.GetHost(hostId)!, store), BridgeJsonContext.Default.CompositionView);
        });
        PolicyApi.Map(v1);
        GeolocationApi.Map(v1);
        TransparencyApi.Map(v1);
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> of the body, whatever Content-Length says or whether it
    /// is sent at all (chunked): null when the body is larger, so a caller never buffers more.
    /// </summary>
    internal static async Task<string?> ReadBoundedAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return null;
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length))) > 0) length += read;
        return length > maxBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    internal static IResult NotFound(string message) => Results.Json(new ErrorView(message), BridgeJsonContext.Default.ErrorView, statusCode: 404);

    internal static IResult BadRequest(string message) => Results.Json(new ErrorView(message), BridgeJsonContext.Default.ErrorView, statusCode: 400);

    internal static IResult Conflict(string message) => Results.Json(new ErrorView(message), BridgeJsonContext.Default.ErrorView, statusCode: 409);

    private static HostView ToView(EnrolledHost h) => new(h.HostId, h.AkName, h.EnrolledAt, h.Last?.Seq, h.CompositionJson);

    private static VerdictView ToView(StoredVerdict v, TransparencyLog log) => new(v.Id, v.HostId, v.Seq, v.CreatedAt, v.EarStatus, v.Geofence, v.PolicyId,
        JsonSerializer.Deserialize(v.ReasonsJson, BridgeJsonContext.Default.ListString) ?? [], v.Ear, v.GnssAuthenticated, v.GnssAuthenticatedSatellites, v.LocationGrade,
        v.LogIndex, TimestampEvidenceOf(v, log));

    /// <summary>
    /// The token with the EAR's path into the stamped tree, recomputed from the log. Verdicts of bridges before
    /// tree-head stamping (a token over the EAR itself, no tree size) keep their token in the store but show none,
    /// as does a row naming a tree the log does not hold (a store restored without its log): no proof to give.
    /// </summary>
    private static TimestampEvidence? TimestampEvidenceOf(StoredVerdict v, TransparencyLog log) =>
        v is { EarTimestamp: { } token, LogIndex: { } index, EarTimestampTreeSize: { } size } && index < size && size <= log.Size
            ? new TimestampEvidence { LeafIndex = index, TreeSize = size, InclusionPath = log.InclusionProof(index, size).Path, Token = token }
            : null;

    private static CompositionView Composition(EnrolledHost host, BridgeStore store)
    {
        var pending = store.GetPendingComposition(host.HostId);
        return new CompositionView(GeoEdge.Bridge.Composition.ApprovedComposition.Of(host), pending is null ? null
            : new PendingCompositionView(JsonSerializer.Deserialize(pending.CompositionJson, WireJsonContext.Default.HostComposition)!, pending.FirstSeen, pending.LastSeen));
    }
}
