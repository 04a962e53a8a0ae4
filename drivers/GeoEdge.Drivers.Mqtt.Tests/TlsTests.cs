using GeoEdge.Hil.Rig.Mqtt;

namespace GeoEdge.Drivers.Mqtt.Tests;

public sealed class TlsTests(BrokerFixture broker) : IClassFixture<BrokerFixture>
{
    [Fact]
    public async Task Client_certificate_from_the_rig_ca_connects_and_round_trips()
    {
        var (cert, key) = broker.Rig.IssueClientCertificate("agent-host-1");
        var topic = TestClients.UniqueTopic("tls");
        await using var client = await TestClients.ConnectedAsync(TestClients.Tls(broker.Rig, "tls", cert, key));
        Assert.True(client.IsConnected);

        await client.SubscribeAsync(topic, MqttQos.AtLeastOnce, CancellationToken.None).WaitAsync(TestClients.Patience);
        await client.PublishAsync(topic, "over tls"u8.ToArray(), MqttQos.AtLeastOnce).WaitAsync(TestClients.Patience);

        Assert.Equal("over tls"u8.ToArray(), (await client.Messages.NextAsync()).Payload);
    }

    [Fact]
    public async Task Without_a_client_certificate_the_connection_is_refused_not_hung()
    {
        await using var client = MqttClient.Create(TestClients.Tls(broker.Rig, "nocert", certPath: null, keyPath: null));

        var error = await Assert.ThrowsAsync<MqttException>(
            () => client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Patience));

        AssertRefusedNotTimedOut(error, broker.Rig.TlsPort);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Certificate_from_another_ca_is_refused()
    {
        using var foreign = RigCertificateAuthority.Create("Somebody else's CA");
        var dir = Directory.CreateTempSubdirectory("geoedge-foreign-ca-");
        try
        {
            var (cert, key) = foreign.IssueClient(dir.FullName, "impostor");
            await using var client = MqttClient.Create(TestClients.Tls(broker.Rig, "foreign", cert, key));

            var error = await Assert.ThrowsAsync<MqttException>(
                () => client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Patience));

            AssertRefusedNotTimedOut(error, broker.Rig.TlsPort);
            Assert.False(client.IsConnected);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Broker_certificate_not_signed_by_the_trusted_ca_is_refused()
    {
        // The client trusts a different CA than the one that signed the broker's certificate.
        using var other = RigCertificateAuthority.Create("Untrusted CA");
        var dir = Directory.CreateTempSubdirectory("geoedge-other-ca-");
        try
        {
            var otherCa = other.WriteCertificate(Path.Combine(dir.FullName, "ca.crt"));
            var (cert, key) = broker.Rig.IssueClientCertificate("agent-host-2");
            var options = TestClients.Tls(broker.Rig, "wrongca", cert, key) with { Tls = new MqttTlsOptions(otherCa, cert, key) };
            await using var client = MqttClient.Create(options);

            var error = await Assert.ThrowsAsync<MqttException>(
                () => client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Patience));
            // The client's own verification fails, and libmosquitto always logs OpenSSL's reason for that.
            Assert.Contains("certificate verify failed", error.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The broker refuses the handshake with a TLS alert. Depending on how far libmosquitto's
    /// non-blocking handshake got before the alert arrived, it reports that as connection lost (7,
    /// with OpenSSL's reason, e.g. "tlsv13 alert certificate required"), a TLS error (8) or a failed
    /// system call (14, errno EPROTO). Any of them is a refusal; a timeout (27) would be a hang cut short.
    /// </summary>
    private static void AssertRefusedNotTimedOut(MqttException error, int port)
    {
        Assert.Contains(error.ErrorCode, new[] { 7, 8, 14 });
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task Failed_tls_connect_can_be_retried_on_the_same_client_after_fixing_nothing_and_fails_again_cleanly()
    {
        await using var client = MqttClient.Create(TestClients.Tls(broker.Rig, "retry", certPath: null, keyPath: null));
        for (var attempt = 0; attempt < 2; attempt++)
            await Assert.ThrowsAsync<MqttException>(() => client.ConnectAsync(CancellationToken.None).WaitAsync(TestClients.Patience));
    }
}
