using System.Text.Json.Serialization;

namespace GeoEdge.Agent.Residency;

/// <summary>Source-generated JSON for the workload socket's own small bodies (NativeAOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HttpError))]
[JsonSerializable(typeof(HealthStatus))]
internal sealed partial class WorkloadJsonContext : JsonSerializerContext;

/// <summary>GET /v1/health: the agent answers, and whether it has a countersigned result to serve.</summary>
public sealed record HealthStatus(string Status, bool ResidencyAvailable, ulong? Seq);
