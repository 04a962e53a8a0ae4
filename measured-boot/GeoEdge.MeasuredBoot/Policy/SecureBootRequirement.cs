namespace GeoEdge.MeasuredBoot;

/// <summary>The policy's "secureBoot" member: "required" (disabled or unknown is a finding) or "optional".</summary>
public enum SecureBootRequirement
{
    Required,
    Optional,
}
