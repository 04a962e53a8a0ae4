namespace GeoEdge.Ear;

/// <summary>A JWK Set was refused. The message names the offending member, e.g. "keys[1].crv".</summary>
public sealed class JwksException(string message, Exception? inner = null) : Exception(message, inner);
