namespace GeoEdge.Ear.Tests;

internal static class Samples
{
    public static readonly DateTimeOffset IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    public static readonly VerifierId Bridge = new("https://geoedge.example", "bridge 0.1");

    public static Ear PlatformAndLocation(DateTimeOffset? expiresAt = null, DateTimeOffset? issuedAt = null) =>
        new(Bridge, new Dictionary<string, EarSubmodule>
        {
            ["platform"] = new(EarStatus.Affirming,
                TrustVector.Empty.With(TrustCategory.InstanceIdentity, 2).With(TrustCategory.Hardware, 2).With(TrustCategory.Executables, 3),
                ["https://geoedge.example/policy/boot/7"]),
            ["location"] = new(EarStatus.Warning,
                TrustVector.Empty.With(TrustCategory.SourcedData, 32),
                extensions: new Dictionary<string, System.Text.Json.JsonElement>
                {
                    ["geoedge.reasons"] = ClaimValues.FromStrings(["osnma-not-authenticated", "cell-only"]),
                    ["geoedge.geofence"] = ClaimValues.FromJson("""{"policy":"madrid","version":3,"result":"inside"}"""),
                }),
        }, issuedAt ?? IssuedAt)
        {
            ExpiresAt = expiresAt ?? (issuedAt ?? IssuedAt).AddMinutes(10),
            Nonce = "AAECAwQFBgcICQoL",
        };
}
