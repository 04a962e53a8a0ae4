namespace GeoEdge.Geolocation;

/// <summary>The sources GL weighs.</summary>
public enum LocationSource
{
    Gnss,
    Cell,
    Network,
    /// <summary>The previous composite location (plausibility over time); it can only object, never corroborate.</summary>
    History,
}

/// <summary>How one source relates to the composite location.</summary>
public enum AgreementState
{
    /// <summary>This source gave the composite position.</summary>
    Primary,
    /// <summary>Consistent with the primary source within the tolerances.</summary>
    Agrees,
    /// <summary>Contradicts the primary source; the grade is F.</summary>
    Disagrees,
    /// <summary>Present but saying nothing either way (unknown cell, network PARTIAL or UNKNOWN).</summary>
    Inconclusive,
    /// <summary>Not available for this reading.</summary>
    Absent,
}

/// <summary>One source's part in the decision; <paramref name="DistanceMeters"/> is from the primary position, when measured.</summary>
public sealed record SourceAgreement(LocationSource Source, AgreementState State, double? DistanceMeters = null);
