using System.Globalization;
using System.Text;
using GeoEdge.Ear;
using GeoEdge.Transparency;

namespace GeoEdge.Bridge.Api;

/// <summary>
/// The transparency log of issued results over HTTP (docs/transparency.md): the signed tree head, entries,
/// RFC 9162 inclusion and consistency proofs, and the offline proof document for an EAR. Hashes are base64,
/// a leaf hash in a query is base64url. Refusals are {"error": "..."} naming the parameter: 400 for a request
/// that cannot be answered as asked, 404 for an entry or EAR the log does not hold.
/// </summary>
public static class TransparencyApi
{
    public static void Map(RouteGroupBuilder v1)
    {
        var log = v1.MapGroup("/log");
        log.MapGet("/tree-head", (TransparencyLog tlog) => Results.Text(tlog.TreeHead().ToJson(), "application/json"));
        log.MapGet("/entries/{index}", (string index, TransparencyLog tlog) =>
        {
            var parsed = Count(index, "index");
            if (parsed.Error is { } error) return BridgeApi.BadRequest(error);
            return tlog.Entry(parsed.Value) is { } entry
                ? Results.Json(new LogEntryView(entry.Index, Convert.ToBase64String(entry.Entry), Convert.ToBase64String(entry.LeafHash), entry.AppendedAt),
                    BridgeJsonContext.Default.LogEntryView)
                : BridgeApi.NotFound($"index: the log has no entry {index} (it holds {tlog.Size})");
        });
        log.MapGet("/proof/inclusion", (string? index, string? leafHash, string? treeSize, TransparencyLog tlog) =>
        {
            if ((index is null) == (leafHash is null)) return BridgeApi.BadRequest("index, leafHash: give exactly one of them (leafHash as base64url)");
            var size = treeSize is null ? (Value: tlog.Size, Error: null) : Count(treeSize, "treeSize");
            if (size.Error is { } sizeError) return BridgeApi.BadRequest(sizeError);
            long leaf;
            if (index is not null)
            {
                var parsed = Count(index, "index");
                if (parsed.Error is { } indexError) return BridgeApi.BadRequest(indexError);
                leaf = parsed.Value;
            }
            else if (!Base64UrlStrict.TryDecode(leafHash, out var hash) || hash.Length != MerkleHash.Size)
                return BridgeApi.BadRequest($"leafHash: not the canonical unpadded base64url of a {MerkleHash.Size}-byte hash");
            else if (tlog.IndexOf(hash) is { } found) leaf = found;
            else return BridgeApi.NotFound("leafHash: no entry of the log has this leaf hash");
            return Answer(() =>
            {
                var proof = tlog.InclusionProof(leaf, size.Value);
                return Results.Json(new InclusionProofView(proof.LeafIndex, proof.TreeSize, proof.Path.Select(Convert.ToBase64String).ToList()),
                    BridgeJsonContext.Default.InclusionProofView);
            });
        });
        log.MapGet("/proof/consistency", (string? first, string? second, TransparencyLog tlog) =>
        {
            if (first is null) return BridgeApi.BadRequest("first: required (the size of the tree head you hold)");
            var from = Count(first, "first");
            var to = second is null ? (Value: tlog.Size, Error: null) : Count(second, "second");
            if ((from.Error ?? to.Error) is { } error) return BridgeApi.BadRequest(error);
            return Answer(() =>
            {
                var proof = tlog.ConsistencyProof(from.Value, to.Value);
                return Results.Json(new ConsistencyProofView(proof.First, proof.Second, proof.Path.Select(Convert.ToBase64String).ToList()),
                    BridgeJsonContext.Default.ConsistencyProofView);
            });
        });
        // The EAR itself as the body (a compact JWS; surrounding whitespace, such as a file's final newline, is dropped).
        log.MapPost("/proof", async (HttpRequest request, TransparencyLog tlog) =>
        {
            var body = await BridgeApi.ReadBoundedAsync(request, TransparencyLog.MaxEntryBytes);
            if (body is null) return BridgeApi.BadRequest($"body: larger than the {TransparencyLog.MaxEntryBytes} bytes a log entry may have");
            var ear = body.Trim();
            if (ear.Length == 0) return BridgeApi.BadRequest("body: the EAR (compact JWS) whose proof is wanted");
            return tlog.ProofFor(Encoding.UTF8.GetBytes(ear)) is { } proof
                ? Results.Text(proof.ToJson(), "application/json")
                : BridgeApi.NotFound("body: this EAR is not in the log");
        });
    }

    /// <summary>A whole number 0..2^63-1 from a route or query value, or the error naming it.</summary>
    private static (long Value, string? Error) Count(string text, string name) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (0, $"{name}: '{Shorten(text)}' is not a whole number 0..{long.MaxValue}");

    /// <summary>The log refuses sizes and indexes outside itself naming the parameter; that is the client's 400.</summary>
    private static IResult Answer(Func<IResult> answer)
    {
        try
        {
            return answer();
        }
        catch (ArgumentOutOfRangeException e)
        {
            var reason = e.Message.Split(" (Parameter", 2)[0];
            return BridgeApi.BadRequest($"{e.ParamName}: {reason}");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
