using GeoEdge.Agent.Configuration;

namespace GeoEdge.Agent.Tests;

public class OsnmaConfigTests
{
    [Theory]
    [InlineData("""{ "trustedTime": "gps" }""", "trustedTime must be")]
    [InlineData("""{ "trustedTime": "simulation" }""", "needs simulationAnchorGst and simulationAnchorUtc")]
    [InlineData("""{ "trustedTime": "simulation", "simulationAnchorGst": "1251", "simulationAnchorUtc": "2026-11-23T12:00:00Z" }""", "is not WN:TOW")]
    [InlineData("""{ "trustedTime": "simulation", "simulationAnchorGst": "1251:604800", "simulationAnchorUtc": "2026-11-23T12:00:00Z" }""", "is not WN:TOW")]
    [InlineData("""{ "trustedTime": "simulation", "simulationAnchorGst": "1251:7", "simulationAnchorUtc": "2026-11-23T12:00:00Z", "simulationSpeed": 0 }""", "simulationSpeed")]
    [InlineData("""{ "maxTimeErrorSeconds": 0 }""", "maxTimeErrorSeconds")]
    [InlineData("""{ "maxTimeErrorSeconds": 31 }""", "maxTimeErrorSeconds")]
    [InlineData("""{ "merkleTree": " " }""", "merkleTree")]
    public void Bad_osnma_settings_are_refused_naming_the_member(string osnma, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("agent.json"), $$"""{ "hostId": "edge-1", "gnss": { "osnma": {{osnma}} } }""");
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--config", dir.File("agent.json")]));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_file_naming_only_the_tree_keeps_the_other_defaults()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("agent.json"), """{ "hostId": "edge-1", "gnss": { "osnma": { "merkleTree": "/srv/tree.xml" } } }""");
        var osnma = ConfigLoader.Load(["--config", dir.File("agent.json")]).Gnss.Osnma;
        Assert.Equal(("/srv/tree.xml", true, "system", 2.0), (osnma.MerkleTree, osnma.Enabled, osnma.TrustedTime, osnma.MaxTimeErrorSeconds));
        Assert.Equal("/dev/ttyACM0", ConfigLoader.Load(["--config", dir.File("agent.json")]).Gnss.Device);
    }

    [Fact]
    public void Disabled_osnma_settings_are_not_checked_further()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("agent.json"), """{ "hostId": "edge-1", "gnss": { "osnma": { "enabled": false, "trustedTime": "gps" } } }""");
        Assert.False(ConfigLoader.Load(["--config", dir.File("agent.json")]).Gnss.Osnma.Enabled);
    }
}
