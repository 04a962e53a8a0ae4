using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Verification;
using GeoEdge.Geolocation;

namespace GeoEdge.Bridge.Geofencing;

/// <summary>The outcome of one policy for one reading.</summary>
public sealed record PolicyResult(string PolicyId, int Version, string Result, double DistanceToBoundaryMeters, string Explanation)
{
    /// <summary>The group the policy comes from; null for the host's own.</summary>
    public string? Group { get; init; }
}

/// <summary>
/// Where the host is and whether that satisfies its policies. The host must satisfy every policy:
/// one outside makes it outside; otherwise one undecidable makes it indeterminate. <see cref="Result"/>
/// is the geometry alone; <see cref="Findings"/> also carries every reason the fix is not
/// OSNMA-authenticated (and jamming warnings) and every contradiction GL found, so an inside result with
/// findings is not affirmed.
/// </summary>
public sealed record LocationAssessment(
    string Result,
    double? Latitude,
    double? Longitude,
    double? UncertaintyMeters,
    IReadOnlyList<PolicyResult> Policies,
    IReadOnlyList<Finding> Findings)
{
    public const string Inside = "inside";
    public const string Outside = "outside";
    public const string Indeterminate = "indeterminate";

    /// <summary>Whether the fix is OSNMA-authenticated; null when there was no fix to judge.</summary>
    public GnssAuthentication? Gnss { get; init; }

    /// <summary>GL's composite location, its grade and how each source related to it.</summary>
    public CompositeLocation? Composite { get; init; }

    /// <summary>The operator's answer fusion weighed, with the circle it was about; null without one.</summary>
    public NetworkObservation? Network { get; init; }

    /// <summary>What the result may reveal of the location: the most restrictive disclosure of the host's policies.</summary>
    public Disclosure Disclosure { get; init; } = Disclosure.Least;

    /// <summary>The country (and subdivision) the whole location disc lies in; null when unknown or not wholly in one.</summary>
    public GeoJurisdiction? Jurisdiction { get; init; }

    /// <summary>What explains the grade without being a reason against the location ("code: detail").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A source contradicts another: the location is not merely unproven but contradicted.</summary>
    public bool SourcesContradict => Composite?.Sources.Any(s => s.State == AgreementState.Disagrees) == true;

    /// <summary>The policy that decided the result (the first outside, else the first undecided, else the first).</summary>
    public PolicyResult? DecidingPolicy =>
        Policies.FirstOrDefault(p => p.Result == Outside)
        ?? Policies.FirstOrDefault(p => p.Result == Indeterminate)
        ?? Policies.FirstOrDefault();
}
