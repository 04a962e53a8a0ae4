namespace GeoEdge.Drivers.Mqtt.Tests;

/// <summary>Bad input is refused in managed code with a message naming the problem, before any
/// native call (these tests need no broker: nothing here connects).</summary>
public sealed class ValidationTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("a/+/b", "wildcard")]
    [InlineData("a/#", "wildcard")]
    [InlineData("a\0b", "U+0000")]
    [InlineData("a\u0001b", "control character")]
    public void Publish_topic_is_refused(string topic, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => MqttTopic.ValidatePublishTopic(topic));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Publish_topic_with_a_lone_surrogate_is_refused()
    {
        // Built at run time: xunit would replace the surrogate when serialising InlineData.
        var topic = "a/" + (char)0xD800 + "/b";
        var error = Assert.Throws<ArgumentException>(() => MqttTopic.ValidatePublishTopic(topic));
        Assert.Contains("lone surrogate", error.Message);
    }

    [Fact]
    public void Publish_topic_longer_than_65535_bytes_is_refused_but_65535_is_fine()
    {
        MqttTopic.ValidatePublishTopic(new string('a', 65535));
        var error = Assert.Throws<ArgumentException>(() => MqttTopic.ValidatePublishTopic(new string('é', 32768))); // 65536 bytes
        Assert.Contains("65535", error.Message);
    }

    [Theory]
    [InlineData("a/b#")]
    [InlineData("a/#/b")]
    [InlineData("a/b+")]
    [InlineData("$share/group")]
    [InlineData("$share//topic")]
    [InlineData("$share/gr+oup/topic")]
    [InlineData("$share/group/")]
    public void Topic_filter_is_refused(string filter) =>
        Assert.Throws<ArgumentException>(() => MqttTopic.ValidateTopicFilter(filter));

    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("a/+/c/#")]
    [InlineData("$share/bridges/geoedge/+/reading")]
    [InlineData("$SYS/broker/uptime")]
    public void Topic_filter_is_accepted(string filter) => MqttTopic.ValidateTopicFilter(filter);

    [Fact]
    public async Task Publish_with_a_wildcard_topic_fails_before_reaching_libmosquitto()
    {
        // Port 1 on loopback: nothing is ever connected, so only managed validation can answer.
        await using var client = MqttClient.Create(new MqttClientOptions("127.0.0.1", 1, "validation"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync("a/+", new byte[] { 1 }, MqttQos.AtLeastOnce));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.PublishAsync("a/b", new byte[] { 1 }, (MqttQos)3));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync("a/#/b", MqttQos.AtLeastOnce, CancellationToken.None));
    }

    public static TheoryData<MqttClientOptions, string> BadOptions() => new()
    {
        { new MqttClientOptions("", 1883, "id"), "Host" },
        { new MqttClientOptions("127.0.0.1", 0, "id"), "Port" },
        { new MqttClientOptions("127.0.0.1", 1883, ""), "ClientId" },
        { new MqttClientOptions("127.0.0.1", 1883, "id") { KeepAliveSeconds = 3 }, "KeepAliveSeconds" },
        { new MqttClientOptions("127.0.0.1", 1883, "id") { ReconnectDelayMin = TimeSpan.FromMilliseconds(10) }, "ReconnectDelayMin" },
        { new MqttClientOptions("127.0.0.1", 1883, "id") { ReconnectDelayMax = TimeSpan.Zero }, "ReconnectDelayMax" },
        { new MqttClientOptions("127.0.0.1", 1883, "id") { MaxInflight = 0 }, "MaxInflight" },
        { new MqttClientOptions("127.0.0.1", 1883, "id") { Password = "secret" }, "Username" },
        { new MqttClientOptions("127.0.0.1", 1883, "id") { Tls = new MqttTlsOptions("/nonexistent/ca.crt") }, "does not exist" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_refused_by_Create(MqttClientOptions options, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => MqttClient.Create(options));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Tls_certificate_without_its_key_is_refused()
    {
        var ca = Path.GetTempFileName();
        try
        {
            var options = new MqttClientOptions("127.0.0.1", 8883, "id") { Tls = new MqttTlsOptions(ca, CertFile: ca) };
            var error = Assert.Throws<ArgumentException>(() => MqttClient.Create(options));
            Assert.Contains("together", error.Message);
        }
        finally
        {
            File.Delete(ca);
        }
    }
}
