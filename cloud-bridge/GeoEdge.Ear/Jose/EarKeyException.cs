namespace GeoEdge.Ear;

/// <summary>The EAR signing key file could not be read, created or used; the message names the file and the reason.</summary>
public sealed class EarKeyException(string message, Exception? inner = null) : Exception(message, inner);
