namespace GeoEdge.Ear;

/// <summary>
/// An AR4SI trustworthiness vector: a claim value (-128..127) for each category the verifier has an
/// opinion on. Categories never set are "no claim" and are not serialised. Immutable.
/// </summary>
public sealed class TrustVector
{
    public const int MinClaimValue = -128;
    public const int MaxClaimValue = 127;

    public static readonly TrustVector Empty = new(new SortedDictionary<TrustCategory, int>());

    private readonly SortedDictionary<TrustCategory, int> _claims;

    private TrustVector(SortedDictionary<TrustCategory, int> claims) => _claims = claims;

    /// <summary>The set claims in category order.</summary>
    public IReadOnlyDictionary<TrustCategory, int> Claims => _claims;

    public bool IsEmpty => _claims.Count == 0;

    /// <summary>Returns a copy with <paramref name="category"/> set to <paramref name="value"/>.</summary>
    public TrustVector With(TrustCategory category, int value)
    {
        _ = category.ToClaimName(); // range-checks the enum
        if (value is < MinClaimValue or > MaxClaimValue)
            throw new ArgumentOutOfRangeException(nameof(value), value, "trustworthiness claims range from -128 to 127");
        return new TrustVector(new SortedDictionary<TrustCategory, int>(_claims) { [category] = value });
    }

    public int? this[TrustCategory category] => _claims.TryGetValue(category, out var value) ? value : null;

    /// <summary>
    /// The worst tier among claims that say something is wrong (warning or contraindicated), or null.
    /// "none" and affirming claims never constrain the submodule status: a vector with some categories
    /// unappraised can still back an affirming appraisal, as in the draft's own examples.
    /// </summary>
    public EarStatus? WorstAdverseTier()
    {
        EarStatus? worst = null;
        foreach (var value in _claims.Values)
        {
            var tier = EarStatusExtensions.TierOfClaimValue(value);
            if (tier is EarStatus.Warning or EarStatus.Contraindicated)
                worst = worst is null ? tier : worst.Value.Worst(tier);
        }
        return worst;
    }
}
