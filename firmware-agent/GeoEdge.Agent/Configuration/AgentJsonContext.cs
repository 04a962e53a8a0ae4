using System.Text.Json.Serialization;
using GeoEdge.Agent.State;

namespace GeoEdge.Agent.Configuration;

/// <summary>Source-generated JSON for the agent's own files (NativeAOT: no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(AgentConfig))]
[JsonSerializable(typeof(AkRecord))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
