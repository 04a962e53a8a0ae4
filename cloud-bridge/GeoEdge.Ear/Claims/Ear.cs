using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>
/// An EAT Attestation Result claims-set (draft-ietf-rats-ear-03). Times are whole seconds (EAT
/// forbids fractional NumericDates), so sub-second parts are truncated on construction. Immutable;
/// optional claims are set with object initialisers.
/// </summary>
public sealed class Ear
{
    public string Profile { get; }
    public DateTimeOffset IssuedAt { get; }
    public VerifierId VerifierId { get; }
    /// <summary>Appraisals by attester label; at least one.</summary>
    public IReadOnlyDictionary<string, EarSubmodule> Submodules { get; }

    public DateTimeOffset? ExpiresAt { get; init => field = value is null ? null : WholeSeconds(value.Value); }
    public DateTimeOffset? NotBefore { get; init => field = value is null ? null : WholeSeconds(value.Value); }

    /// <summary>eat_nonce: the base64 text of 8 to 64 nonce bytes, i.e. 12 to 88 characters (draft section 3).</summary>
    public string? Nonce
    {
        get;
        init
        {
            if (value is not null && (value.Length is < 12 or > 88 || !value.All(IsBase64Char)))
                throw new ArgumentException("eat_nonce must be 12 to 88 base64 characters (8 to 64 bytes)", nameof(Nonce));
            field = value;
        }
    }

    /// <summary>Top-level claims the model does not own (e.g. "jti", "ear_raw_evidence"), in ordinal name order.</summary>
    public IReadOnlyDictionary<string, JsonElement> ExtraClaims
    {
        get;
        init => field = ClaimBag.Validate(value, EarClaimNames.ReservedTopLevel, "top-level claim");
    } = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>The worst submodule status (see <see cref="EarStatusExtensions.Severity"/>); written as the top-level ear_status.</summary>
    public EarStatus OverallStatus => Submodules.Values.Select(s => s.Status).Aggregate((a, b) => a.Worst(b));

    public Ear(VerifierId verifierId, IReadOnlyDictionary<string, EarSubmodule> submodules, DateTimeOffset issuedAt, string profile = EarProfiles.Draft03)
    {
        ArgumentNullException.ThrowIfNull(verifierId);
        ArgumentNullException.ThrowIfNull(submodules);
        if (!EarProfiles.IsKnown(profile)) throw new ArgumentException($"unknown EAR profile '{profile}'", nameof(profile));
        if (submodules.Count == 0) throw new ArgumentException("an EAR needs at least one submodule", nameof(submodules));
        var sorted = new SortedDictionary<string, EarSubmodule>(StringComparer.Ordinal);
        foreach (var (label, submodule) in submodules)
        {
            if (string.IsNullOrEmpty(label)) throw new ArgumentException("submodule labels must not be empty", nameof(submodules));
            sorted[label] = submodule ?? throw new ArgumentException($"submodule '{label}' is null", nameof(submodules));
        }
        VerifierId = verifierId;
        Submodules = sorted;
        IssuedAt = WholeSeconds(issuedAt);
        Profile = profile;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());

    private static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_' or '=';
}
