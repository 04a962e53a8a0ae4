using GeoEdge.Agent.Configuration;

namespace GeoEdge.Agent.Tests.Residency;

public class WorkloadSocketConfigTests
{
    private static AgentConfig Load(string json)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("agent.json"), json);
        return ConfigLoader.Load(["--config", dir.File("agent.json"), "--host-id", "edge-test"]);
    }

    [Fact]
    public void The_default_is_run_geoedge_and_the_command_line_overrides_it()
    {
        Assert.Equal("/run/geoedge/agent.sock", ConfigLoader.Load(["--host-id", "h"]).WorkloadSocket.Path);
        Assert.Equal("/tmp/x/agent.sock", ConfigLoader.Load(["--host-id", "h", "--socket", "/tmp/x/agent.sock"]).WorkloadSocket.Path);
        Assert.Equal("", ConfigLoader.Load(["--host-id", "h", "--socket", ""]).WorkloadSocket.Path);
        Assert.Equal(3, Load("""{ "workloadSocket": { "maxConnections": 3 } }""").WorkloadSocket.MaxConnections);
    }

    [Theory]
    [InlineData("""{ "workloadSocket": { "path": "relative/agent.sock" } }""", "absolute")]
    [InlineData("""{ "workloadSocket": { "maxConnections": 0 } }""", "maxConnections")]
    [InlineData("""{ "workloadSocket": { "readTimeoutSeconds": 0 } }""", "readTimeoutSeconds")]
    [InlineData("""{ "workloadSocket": null }""", "workloadSocket")]
    [InlineData("""{ "workloadSocket": { "pathh": "/run/x.sock" } }""", "pathh")]
    public void Bad_socket_settings_are_named(string json, string named) =>
        Assert.Contains(named, Assert.Throws<ConfigException>(() => Load(json)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_path_longer_than_sun_path_holds_is_refused()
    {
        var path = "/run/" + new string('a', ConfigLoader.MaxSocketPathBytes) + ".sock";
        Assert.Contains("at most 107", Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--host-id", "h", "--socket", path])).Message, StringComparison.Ordinal);
    }
}
