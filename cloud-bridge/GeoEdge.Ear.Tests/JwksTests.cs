namespace GeoEdge.Ear.Tests;

public class JwksTests
{
    // RFC 9449 (DPoP), Figures 2 and 9: an example P-256 JWK and its published RFC 7638 thumbprint ("jkt").
    private const string Rfc9449X = "l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs";
    private const string Rfc9449Y = "9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA";
    private const string Rfc9449Jkt = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";

    [Fact]
    public void Thumbprint_matches_the_value_published_in_RFC_9449()
    {
        var jwks = Jwks.Parse($$"""{"keys":[{"kty":"EC","x":"{{Rfc9449X}}","y":"{{Rfc9449Y}}","crv":"P-256"}]}""");
        var key = Assert.Single(jwks.Keys);
        Assert.Equal(Rfc9449Jkt, key.Thumbprint);
        Assert.Equal(Rfc9449Jkt, key.Kid); // no kid given: the thumbprint stands in
        Assert.Same(key, jwks.Find(Rfc9449Jkt));
    }

    [Fact]
    public void Export_then_import_keeps_keys_and_kids()
    {
        using var a = EarSigningKey.Generate();
        using var b = EarSigningKey.Generate();
        var json = new Jwks([a.PublicKey, b.PublicKey]).ToJson();

        var imported = Jwks.Parse(json);

        Assert.Equal([a.Kid, b.Kid], imported.Keys.Select(k => k.Kid));
        Assert.Equal(a.PublicKey.X, imported.Find(a.Kid)!.X);
        Assert.Contains("\"alg\":\"ES256\"", json);
        Assert.DoesNotContain("\"d\"", json);
    }

    [Fact]
    public void Explicit_kid_is_kept_even_when_it_is_not_the_thumbprint()
    {
        var key = Assert.Single(Jwks.Parse($$"""{"keys":[{"kty":"EC","crv":"P-256","kid":"bridge-2025","x":"{{Rfc9449X}}","y":"{{Rfc9449Y}}"}]}""").Keys);
        Assert.Equal("bridge-2025", key.Kid);
        Assert.Equal(Rfc9449Jkt, key.Thumbprint);
    }

    [Theory]
    [InlineData("""{"keys":[{"kty":"RSA","n":"0vx7","e":"AQAB"}]}""", "keys[0].kty: key type 'RSA' is not supported")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-384","x":"AA","y":"AA"}]}""", "keys[0].crv: curve 'P-384' is not supported")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"}]}""", "keys[0].x: required member is missing")]
    [InlineData("""{"keys":[{"crv":"P-256"}]}""", "keys[0].kty: required member is missing")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA","d":"AAAA"}]}""", "keys[0].d: private key material")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"l8tFrhx+34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"}]}""", "keys[0].x: not canonical unpadded base64url")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"AAAA","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"}]}""", "keys[0].x: 3 bytes")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDB"}]}""", "keys[0].y: not canonical")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDE"}]}""", "not a valid P-256 public key")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","use":"enc","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"}]}""", "keys[0].use")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","alg":"ES384","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"}]}""", "keys[0].alg")]
    [InlineData("""{"keys":[{"kty":"EC","crv":"P-256","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"},{"kty":"EC","crv":"P-256","x":"l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs","y":"9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"}]}""", "keys[1].kid: '0ZcOC")]
    [InlineData("""{"keys":[]}""", "at least one key")]
    [InlineData("""{"kty":"EC"}""", "needs a \"keys\" array")]
    [InlineData("""[]""", "must be a JSON object")]
    [InlineData("""{"keys":[42]}""", "keys[0]: a JWK must be an object")]
    [InlineData("""{"keys":[{"kty":"EC","kty":"RSA"}]}""", "more than once")]
    [InlineData("""{"keys":""", "not valid JSON")]
    public void Unusable_key_sets_are_refused_naming_the_member(string json, string expected)
    {
        var e = Assert.Throws<JwksException>(() => Jwks.Parse(json));
        Assert.Contains(expected, e.Message);
    }
}
