namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// Bytes given to or received from the TPM do not have the structure they must have (a truncated
/// response, a template with trailing bytes, a digest of the wrong length). The message names the
/// structure and the offset.
/// </summary>
public sealed class TpmFormatException(string message) : Exception(message);
