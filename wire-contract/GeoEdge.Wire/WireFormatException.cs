namespace GeoEdge.Wire;

/// <summary>A message from the other end is not what the wire contract says; the message names what.</summary>
public sealed class WireFormatException(string message, Exception? inner = null) : Exception(message, inner);
