namespace GeoEdge.Ear;

/// <summary>Known eat_profile values of an EAR.</summary>
public static class EarProfiles
{
    /// <summary>The profile draft-ietf-rats-ear-03 mandates; what GeoEdge writes by default.</summary>
    public const string Draft03 = "tag:ietf.org,2026:rats/ear#03";

    /// <summary>The profile of earlier drafts and of the Veraison implementations (which use the dotted claim names).</summary>
    public const string Veraison = "tag:github.com,2023:veraison/ear";

    public static bool IsKnown(string profile) => profile is Draft03 or Veraison;
}
