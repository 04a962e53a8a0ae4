namespace GeoEdge.Ear.Tests;

public class EarModelTests
{
    [Theory]
    [InlineData(0, EarStatus.None)]
    [InlineData(1, EarStatus.None)]
    [InlineData(-1, EarStatus.None)]
    [InlineData(2, EarStatus.Affirming)]
    [InlineData(31, EarStatus.Affirming)]
    [InlineData(-2, EarStatus.Affirming)]
    [InlineData(-32, EarStatus.Affirming)]
    [InlineData(32, EarStatus.Warning)]
    [InlineData(95, EarStatus.Warning)]
    [InlineData(-33, EarStatus.Warning)]
    [InlineData(-96, EarStatus.Warning)]
    [InlineData(96, EarStatus.Contraindicated)]
    [InlineData(127, EarStatus.Contraindicated)]
    [InlineData(-97, EarStatus.Contraindicated)]
    [InlineData(-128, EarStatus.Contraindicated)]
    public void Claim_values_fall_in_the_AR4SI_tiers(int value, EarStatus tier)
    {
        Assert.Equal(tier, EarStatusExtensions.TierOfClaimValue(value));
    }

    [Fact]
    public void Status_code_points_are_those_registered_by_the_draft()
    {
        Assert.Equal([0, 2, 32, 96], new[] { EarStatus.None, EarStatus.Affirming, EarStatus.Warning, EarStatus.Contraindicated }.Select(s => (int)s));
        Assert.Throws<ArgumentOutOfRangeException>(() => EarStatusExtensions.TierOfClaimValue(128));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrustVector.Empty.With(TrustCategory.Hardware, -129));
    }

    [Fact]
    public void Overall_status_is_the_worst_submodule_and_none_is_worse_than_affirming()
    {
        Assert.Equal(EarStatus.Warning, Samples.PlatformAndLocation().OverallStatus);

        var unappraised = new Ear(Samples.Bridge, new Dictionary<string, EarSubmodule>
        {
            ["a"] = new(EarStatus.Affirming),
            ["b"] = new(EarStatus.None),
        }, Samples.IssuedAt);
        Assert.Equal(EarStatus.None, unappraised.OverallStatus);
    }

    [Fact]
    public void Submodule_status_cannot_be_more_trusting_than_its_worst_adverse_claim()
    {
        var contraindicated = TrustVector.Empty.With(TrustCategory.Executables, 96).With(TrustCategory.Hardware, 2);
        var e = Assert.Throws<ArgumentException>(() => new EarSubmodule(EarStatus.Warning, contraindicated));
        Assert.Contains("contraindicated", e.Message);
        Assert.Equal(EarStatus.Contraindicated, new EarSubmodule(EarStatus.Contraindicated, contraindicated).Status);
        // Unset and "none" categories do not hold an affirming status back (the draft's own examples do this).
        Assert.Equal(EarStatus.Affirming, new EarSubmodule(EarStatus.Affirming, TrustVector.Empty.With(TrustCategory.Configuration, 0)).Status);
    }

    [Fact]
    public void Extra_claims_may_not_impersonate_EAR_claims()
    {
        var bag = new Dictionary<string, System.Text.Json.JsonElement> { ["ear.status"] = ClaimValues.FromString("affirming") };
        Assert.Throws<ArgumentException>(() => new EarSubmodule(EarStatus.Contraindicated, extensions: bag));
        var topLevel = new Dictionary<string, System.Text.Json.JsonElement> { ["iat"] = ClaimValues.FromJson("1") };
        Assert.Throws<ArgumentException>(() => new Ear(Samples.Bridge, new Dictionary<string, EarSubmodule> { ["a"] = new(EarStatus.None) }, Samples.IssuedAt) { ExtraClaims = topLevel });
    }

    [Theory]
    [InlineData("short")]
    [InlineData("this nonce has spaces!")]
    public void Nonce_must_be_12_to_88_base64_characters(string nonce)
    {
        Assert.Throws<ArgumentException>(() => new Ear(Samples.Bridge, new Dictionary<string, EarSubmodule> { ["a"] = new(EarStatus.None) }, Samples.IssuedAt) { Nonce = nonce });
    }

    [Fact]
    public void Unknown_profile_and_empty_submods_are_refused()
    {
        var one = new Dictionary<string, EarSubmodule> { ["a"] = new(EarStatus.None) };
        Assert.Throws<ArgumentException>(() => new Ear(Samples.Bridge, one, Samples.IssuedAt, "tag:example.com,2024:other"));
        Assert.Throws<ArgumentException>(() => new Ear(Samples.Bridge, new Dictionary<string, EarSubmodule>(), Samples.IssuedAt));
    }
}
