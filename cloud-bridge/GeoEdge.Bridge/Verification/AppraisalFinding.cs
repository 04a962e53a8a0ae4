namespace GeoEdge.Bridge.Verification;

/// <summary>How much a platform appraisal finding weighs in the platform's status.</summary>
public enum FindingSeverity
{
    /// <summary>Evidence could not be appraised (missing, or no policy to appraise it against): at most warning.</summary>
    Warning,

    /// <summary>The evidence shows something the policy forbids, or evidence that contradicts the quote: contraindicated.</summary>
    Contraindicated,
}

/// <summary>A finding of the measured-boot or IMA appraisal, with its weight.</summary>
public sealed record AppraisalFinding(string Code, string Detail, FindingSeverity Severity)
{
    public Finding AsFinding() => new(Code, Detail);

    public static AppraisalFinding Warn(string code, string detail) => new(code, detail, FindingSeverity.Warning);

    public static AppraisalFinding Contra(string code, string detail) => new(code, detail, FindingSeverity.Contraindicated);
}
