namespace GeoEdge.Geofencing;

/// <summary>A fence definition was rejected. <see cref="JsonPath"/> names where in the document the problem is.</summary>
public sealed class GeofencePolicyException : Exception
{
    /// <summary>Path of the offending JSON value, e.g. <c>features[0].geometry.coordinates[0][3][1]</c>; empty for the whole document.</summary>
    public string JsonPath { get; }

    public GeofencePolicyException(string jsonPath, string problem, Exception? inner = null)
        : base(jsonPath.Length == 0 ? problem : $"{jsonPath}: {problem}", inner)
    {
        JsonPath = jsonPath;
    }
}
