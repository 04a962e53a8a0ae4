namespace GeoEdge.Jurisdictions.Index;

/// <summary>Finds which of a set of regions (numbered 0..n-1) contains a point; -1 for none.</summary>
internal interface IRegionLocator
{
    int Locate(double lon, double lat);
}
