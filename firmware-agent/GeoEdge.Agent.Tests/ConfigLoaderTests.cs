using GeoEdge.Agent.Configuration;

namespace GeoEdge.Agent.Tests;

public class ConfigLoaderTests
{
    [Fact]
    public void Command_line_overrides_the_file()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("agent.json"), """
            {
              // comments are allowed, as in the shipped example
              "hostId": "edge-file",
              "tcti": "device:/dev/tpmrm0",
              "gnss": { "device": "/dev/ttyACM0", "baudRate": 9600 },
              "broker": { "host": "broker.local", "port": 8883 },
              "intervalSeconds": 300,
            }
            """);

        var config = ConfigLoader.Load(["--config", dir.File("agent.json"), "--host-id", "edge-cli", "--broker", "127.0.0.1:1883", "--interval", "2"]);

        Assert.Equal("edge-cli", config.HostId);
        Assert.Equal("device:/dev/tpmrm0", config.Tcti);
        Assert.Equal(("127.0.0.1", 1883), (config.Broker.Host, config.Broker.Port));
        Assert.Equal(2, config.IntervalSeconds);
        Assert.Equal(9600, config.Gnss.BaudRate);
    }

    [Fact]
    public void The_shipped_example_configuration_loads()
    {
        var example = Path.Combine(Hil.Rig.Composition.RepoPaths.Root, "docs", "agent.example.json");
        var config = ConfigLoader.Load(["--config", example]);
        Assert.Equal("edge-madrid-07", config.HostId);
        Assert.Equal(0x81010002u, ConfigLoader.ParseHandle(config.AkHandle));
    }

    [Theory]
    [InlineData(new[] { "--interval", "0" }, "intervalSeconds")]
    [InlineData(new[] { "--interval", "soon" }, "--interval")]
    [InlineData(new[] { "--broker", "nohostport" }, "HOST:PORT")]
    [InlineData(new[] { "--broker", "h:70000" }, "port")]
    [InlineData(new[] { "--host-id", "a/b" }, "host id")]
    [InlineData(new[] { "--ak-handle", "0x01c00002" }, "akHandle")]
    [InlineData(new[] { "--frobnicate", "1" }, "unknown option --frobnicate")]
    [InlineData(new[] { "--tcti" }, "needs a value")]
    [InlineData(new[] { "--broker-cert", "c.pem", "--host-id", "x" }, "go together")]
    [InlineData(new[] { "--config", "/nonexistent/agent.json" }, "cannot read")]
    public void Bad_options_are_refused_naming_what_is_wrong(string[] args, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(args));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("{ \"intervalSeconds\": \"fast\" }", "$.intervalSeconds")]
    [InlineData("{ \"gnss\": { \"speed\": 1 } }", "$.gnss.speed")]
    [InlineData("[]", "configuration file")]
    [InlineData("{ \"broker\": ", "configuration file")]
    public void A_malformed_file_is_refused_naming_the_place(string json, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("agent.json"), json);
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--config", dir.File("agent.json"), "--host-id", "x"]));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Sending_IMA_entries_without_quoting_PCR_10_is_refused_naming_both_settings()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("agent.json"), """{ "pcrs": [0, 1, 2, 3, 4, 5, 6, 7] }""");

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--config", dir.File("agent.json"), "--host-id", "x"]));

        Assert.Contains("pcrs must include 10", e.Message);
        Assert.Contains("measurements.imaList", e.Message);
    }

    [Fact]
    public void A_null_measurements_section_is_refused()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("agent.json"), """{ "measurements": null }""");

        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(["--config", dir.File("agent.json"), "--host-id", "x"]));

        Assert.Contains("measurements", e.Message);
    }

    [Fact]
    public void The_example_names_the_kernel_measurement_files()
    {
        var config = ConfigLoader.Load(["--config", System.IO.Path.Combine(GeoEdge.Hil.Rig.Composition.RepoPaths.Root, "docs", "agent.example.json")]);

        Assert.Equal("/sys/kernel/security/tpm0/binary_bios_measurements", config.Measurements.BootLog);
        Assert.Equal("/sys/kernel/security/ima/binary_runtime_measurements", config.Measurements.ImaList);
    }
}
