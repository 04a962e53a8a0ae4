using System.Text.Json.Serialization;
using GeoEdge.Bridge.Api;
using GeoEdge.Bridge.ResultSigning;

namespace GeoEdge.Bridge;

/// <summary>Source-generated JSON for the bridge's own documents (claims, API answers).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(GeofenceClaim))]
[JsonSerializable(typeof(LocationClaim))]
[JsonSerializable(typeof(HostView))]
[JsonSerializable(typeof(List<HostView>))]
[JsonSerializable(typeof(VerdictView))]
[JsonSerializable(typeof(List<VerdictView>))]
[JsonSerializable(typeof(PolicyView))]
[JsonSerializable(typeof(List<PolicyView>))]
[JsonSerializable(typeof(GroupPolicyView))]
[JsonSerializable(typeof(List<GroupPolicyView>))]
[JsonSerializable(typeof(GroupView))]
[JsonSerializable(typeof(List<GroupView>))]
[JsonSerializable(typeof(MembershipView))]
[JsonSerializable(typeof(DeletedGroupView))]
[JsonSerializable(typeof(List<ReadingArrivalView>))]
[JsonSerializable(typeof(ErrorView))]
[JsonSerializable(typeof(CompositionView))]
[JsonSerializable(typeof(GeolocationView))]
[JsonSerializable(typeof(LogEntryView))]
[JsonSerializable(typeof(InclusionProofView))]
[JsonSerializable(typeof(ConsistencyProofView))]
[JsonSerializable(typeof(List<GeoEdge.Bridge.Verification.AppraisalFinding>))]
public sealed partial class BridgeJsonContext : JsonSerializerContext;
