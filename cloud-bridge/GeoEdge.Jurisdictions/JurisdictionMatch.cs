namespace GeoEdge.Jurisdictions;

/// <param name="Country">ISO 3166-1 alpha-2 code of the country the point lies in; null at sea or on unclaimed land.</param>
/// <param name="Subdivision">ISO 3166-2 code of the subdivision, only when the data has one there and it belongs to <paramref name="Country"/>.</param>
public sealed record JurisdictionMatch(string? Country, string? Subdivision);
