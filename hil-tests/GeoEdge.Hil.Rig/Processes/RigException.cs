namespace GeoEdge.Hil.Rig.Processes;

/// <summary>A rig part could not be started or driven; the message says which and why.</summary>
public sealed class RigException(string message, Exception? inner = null) : Exception(message, inner);
