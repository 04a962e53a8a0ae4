namespace GeoEdge.Ear;

/// <summary>An EAR claims-set could not be read. <see cref="MissingClaim"/> is set when the problem is a mandatory claim that is absent.</summary>
public sealed class EarFormatException : Exception
{
    /// <summary>Dotted path of the absent mandatory claim, e.g. "iat" or "submods.platform.ear_status".</summary>
    public string? MissingClaim { get; }

    public EarFormatException(string message, string? missingClaim = null, Exception? inner = null) : base(message, inner)
    {
        MissingClaim = missingClaim;
    }

    public static EarFormatException Missing(string claimPath) => new($"mandatory claim '{claimPath}' is missing", claimPath);
}
