namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// A marshalled TPM structure was malformed, truncated, oversized or used a value this codec does
/// not accept. <see cref="Structure"/> and <see cref="Field"/> name where it went wrong, so a
/// refusal can be reported without re-parsing.
/// </summary>
public sealed class TpmFormatException : Exception
{
    public string Structure { get; }
    public string Field { get; }

    public TpmFormatException(string structure, string field, string problem, Exception? inner = null)
        : base($"{structure}.{field}: {problem}", inner)
    {
        Structure = structure;
        Field = field;
    }
}
