using System.Text.Json;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// The workload socket's routes: GET /v1/residency (the countersigned result, 503 until there is one)
/// and GET /v1/health. Any other path is 404, another method on these paths 405.
/// </summary>
public sealed class ResidencyHandler(ResidencyStore store)
{
    public const string ResidencyPath = "/v1/residency";
    public const string HealthPath = "/v1/health";

    public HttpResponse Handle(HttpRequestHead request)
    {
        if (request.Path is not (ResidencyPath or HealthPath))
            return HttpResponse.Error(404, "not-found", $"no resource at '{Shorten(request.Path)}' ({ResidencyPath} and {HealthPath} are served)");
        if (request.Method != "GET")
            return HttpResponse.Error(405, "method-not-allowed", $"{Shorten(request.Method)} is not allowed on {request.Path}; use GET", allow: "GET");
        var latest = store.Latest;
        if (request.Path == HealthPath)
            return new HttpResponse(200, JsonSerializer.SerializeToUtf8Bytes(
                new HealthStatus("ok", latest is not null, latest?.Proof.Seq), WorkloadJsonContext.Default.HealthStatus));
        return latest is null
            ? HttpResponse.Error(503, "no-residency-yet", "no result from the bridge has been countersigned yet; retry after the next reading")
            : new HttpResponse(200, latest.Body);
    }

    private static string Shorten(string s) => s.Length > 64 ? s[..64] + "..." : s;
}
