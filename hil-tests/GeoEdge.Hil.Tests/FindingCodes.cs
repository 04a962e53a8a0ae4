namespace GeoEdge.Hil.Tests;

/// <summary>The refusal codes the bridge names (cloud-bridge Verification/Finding.cs), as relying parties match on them.</summary>
internal static class FindingCodes
{
    public const string BadSignature = "bad-signature";
    public const string HostNotEnrolled = "host-not-enrolled";
    public const string ReplayedReading = "replayed-reading";
}
