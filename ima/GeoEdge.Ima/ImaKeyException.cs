namespace GeoEdge.Ima;

/// <summary>Verification key material that cannot be used: no key in a PEM, a key of a type IMA does not sign with, bad Keylime key JSON.</summary>
public sealed class ImaKeyException(string message, Exception? inner = null) : Exception(message, inner);
