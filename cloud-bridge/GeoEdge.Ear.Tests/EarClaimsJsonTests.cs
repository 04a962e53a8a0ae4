using System.Text;

namespace GeoEdge.Ear.Tests;

public class EarClaimsJsonTests
{
    private static Ear Read(string json) => EarClaimsReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Serialisation_is_deterministic_and_uses_the_draft_03_names()
    {
        var ear = new Ear(Samples.Bridge, new Dictionary<string, EarSubmodule>
        {
            ["platform"] = new(EarStatus.Affirming, TrustVector.Empty.With(TrustCategory.Hardware, 2).With(TrustCategory.InstanceIdentity, 2), ["p1"]),
        }, Samples.IssuedAt)
        {
            ExtraClaims = new Dictionary<string, System.Text.Json.JsonElement> { ["jti"] = ClaimValues.FromString("abc"), ["geoedge.cycle"] = ClaimValues.FromJson("7") },
        };

        var json = Encoding.UTF8.GetString(EarClaimsWriter.Write(ear));

        Assert.Equal(
            """{"eat_profile":"tag:ietf.org,2026:rats/ear#03","iat":1700000000,"ear_status":"affirming","ear_verifier_id":{"developer":"https://geoedge.example","build":"bridge 0.1"},"submods":{"platform":{"ear_status":"affirming","ear_trustworthiness_vector":{"instance-identity":2,"hardware":2},"ear_appraisal_policy_ids":["p1"]}},"geoedge.cycle":7,"jti":"abc"}""",
            json);
    }

    [Fact]
    public void Round_trip_preserves_every_claim()
    {
        var original = Samples.PlatformAndLocation();
        var bytes = EarClaimsWriter.Write(original);
        var read = EarClaimsReader.Read(bytes);

        Assert.Equal(bytes, EarClaimsWriter.Write(read));
        Assert.Equal(original.ExpiresAt, read.ExpiresAt);
        Assert.Equal("AAECAwQFBgcICQoL", read.Nonce);
        Assert.Equal(32, read.Submodules["location"].TrustVector[TrustCategory.SourcedData]);
        Assert.Equal("madrid", read.Submodules["location"].Extensions["geoedge.geofence"].GetProperty("policy").GetString());
    }

    [Fact]
    public void The_drafts_contraindicated_example_is_read()
    {
        // draft-ietf-rats-ear-03, Figure 3.
        var ear = Read("""
            {
              "eat_profile": "tag:ietf.org,2026:rats/ear#03",
              "iat": 1666529184,
              "ear_verifier_id": { "developer": "https://veraison-project.org", "build": "vts 0.0.1" },
              "ear_raw_evidence": "NzQ3MjY5NzM2NTYzNzQK",
              "submods": {
                "PSA": {
                  "ear_status": "contraindicated",
                  "ear_trustworthiness_vector": { "instance-identity": 2, "executables": 96, "hardware": 2 },
                  "ear_appraisal_policy_ids": [ "https://veraison.example/policy/1/60a0068d" ]
                }
              }
            }
            """);
        Assert.Equal(EarStatus.Contraindicated, ear.OverallStatus);
        Assert.Equal(96, ear.Submodules["PSA"].TrustVector[TrustCategory.Executables]);
        Assert.Equal("NzQ3MjY5NzM2NTYzNzQK", ear.ExtraClaims["ear_raw_evidence"].GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1666529184), ear.IssuedAt);
    }

    [Fact]
    public void Dotted_legacy_names_are_read()
    {
        var ear = Read("""
            {"eat_profile":"tag:github.com,2023:veraison/ear","iat":1666529184,
             "ear.verifier-id":{"developer":"https://veraison-project.org","build":"vts 0.0.1"},
             "ear.status":"warning",
             "submods":{"PARSEC_TPM":{"ear.status":"warning","ear.trustworthiness-vector":{"configuration":32},
                                      "ear.appraisal-policy-id":"https://veraison.example/policy/1/60a0068d"}}}
            """);
        var submodule = ear.Submodules["PARSEC_TPM"];
        Assert.Equal(EarStatus.Warning, submodule.Status);
        Assert.Equal(32, submodule.TrustVector[TrustCategory.Configuration]);
        Assert.Equal(["https://veraison.example/policy/1/60a0068d"], submodule.AppraisalPolicyIds);
        Assert.Equal("vts 0.0.1", ear.VerifierId.Build);
        Assert.Empty(ear.ExtraClaims);
    }

    [Fact]
    public void Numeric_status_code_points_are_read()
    {
        var ear = Read("""{"eat_profile":"tag:ietf.org,2026:rats/ear#03","iat":1,"ear_verifier_id":{"developer":"d","build":"b"},"submods":{"x":{"ear_status":96}}}""");
        Assert.Equal(EarStatus.Contraindicated, ear.OverallStatus);
    }

    // Leading and trailing spaces (valid JSON whitespace) let the raw literal start and end with a quote.
    private const string Valid = """ "eat_profile":"tag:ietf.org,2026:rats/ear#03","ear_verifier_id":{"developer":"d","build":"b"} """;

    [Theory]
    [InlineData("""{"eat_profile":"tag:ietf.org,2026:rats/ear#03","ear_verifier_id":{"developer":"d","build":"b"},"submods":{"x":{"ear_status":"none"}}}""", "iat")]
    [InlineData("""{"iat":1,"ear_verifier_id":{"developer":"d","build":"b"},"submods":{"x":{"ear_status":"none"}}}""", "eat_profile")]
    [InlineData("""{"eat_profile":"tag:ietf.org,2026:rats/ear#03","iat":1,"submods":{"x":{"ear_status":"none"}}}""", "ear_verifier_id")]
    [InlineData("""{"eat_profile":"tag:ietf.org,2026:rats/ear#03","iat":1,"ear_verifier_id":{"developer":"d"},"submods":{"x":{"ear_status":"none"}}}""", "ear_verifier_id.build")]
    [InlineData("""{"eat_profile":"tag:ietf.org,2026:rats/ear#03","iat":1,"ear_verifier_id":{"developer":"d","build":"b"}}""", "submods")]
    [InlineData("""{"eat_profile":"tag:ietf.org,2026:rats/ear#03","iat":1,"ear_verifier_id":{"developer":"d","build":"b"},"submods":{"gps":{"ear_trustworthiness_vector":{"hardware":2}}}}""", "submods.gps.ear_status")]
    public void Missing_mandatory_claims_are_named(string json, string claim)
    {
        var e = Assert.Throws<EarFormatException>(() => Read(json));
        Assert.Equal(claim, e.MissingClaim);
    }

    [Theory]
    [InlineData("""{"iat":1,"submods":{"x":{"ear_status":"none"}},"ear.verifier-id":{"developer":"d","build":"b"},""" + Valid + "}", "both")]
    [InlineData("{" + Valid + ""","iat":1.5,"submods":{"x":{"ear_status":"none"}}}""", "not a whole number")]
    [InlineData("{" + Valid + ""","iat":1,"exp":2e9,"submods":{"x":{"ear_status":"none"}}}""", "floating-point format")]
    [InlineData("{" + Valid + ""","iat":-5,"submods":{"x":{"ear_status":"none"}}}""", "outside 1970..9999")]
    [InlineData("{" + Valid + ""","iat":1,"submods":{"x":{"ear_status":"great"}}}""", "must be one of none")]
    [InlineData("{" + Valid + ""","iat":1,"submods":{"x":{"ear_status":"none","ear_trustworthiness_vector":{"location":2}}}}""", "not an AR4SI trustworthiness category")]
    [InlineData("{" + Valid + ""","iat":1,"submods":{"x":{"ear_status":"warning","ear_trustworthiness_vector":{"hardware":200}}}}""", "integer from -128 to 127")]
    [InlineData("{" + Valid + ""","iat":1,"submods":{"x":{"ear_status":"affirming","ear_trustworthiness_vector":{"hardware":97}}}}""", "more trusting than the trust vector")]
    [InlineData("{" + Valid + ""","iat":1,"ear_status":"affirming","submods":{"x":{"ear_status":"warning"}}}""", "more trusting than the worst submodule")]
    [InlineData("{" + Valid + ""","iat":1,"submods":{"x":{"ear_status":"none","ear_appraisal_policy_ids":[]}}}""", "non-empty array")]
    [InlineData("{" + Valid + ""","iat":1,"submods":{}}""", "at least one appraisal")]
    [InlineData("{" + Valid + ""","iat":1,"iat":2,"submods":{"x":{"ear_status":"none"}}}""", "more than once")]
    [InlineData("""{"eat_profile":"tag:example.com,2020:not-ear","iat":1,"ear_verifier_id":{"developer":"d","build":"b"},"submods":{"x":{"ear_status":"none"}}}""", "not an EAR profile")]
    [InlineData("[1,2,3]", "must be a JSON object")]
    [InlineData("{" + Valid + ""","iat":1,"eat_nonce":["AAECAwQFBgcICQoL"],"submods":{"x":{"ear_status":"none"}}}""", "nonce arrays")]
    public void Rule_breaking_claims_sets_are_refused_with_a_reason(string json, string reason)
    {
        var e = Assert.Throws<EarFormatException>(() => Read(json));
        Assert.Null(e.MissingClaim);
        Assert.Contains(reason, e.Message);
    }
}
