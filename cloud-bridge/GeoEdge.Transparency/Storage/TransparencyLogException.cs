namespace GeoEdge.Transparency;

/// <summary>The log's database is damaged or was altered (a node missing, a hash that does not recompute).</summary>
public sealed class TransparencyLogException(string message, Exception? inner = null) : Exception(message, inner);
