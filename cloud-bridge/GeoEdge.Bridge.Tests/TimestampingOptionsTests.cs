using GeoEdge.Bridge.Options;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Timestamping;
using GeoEdge.Timestamping;

namespace GeoEdge.Bridge.Tests;

/// <summary>Bridge:Timestamping is checked at start: half a configuration stops the bridge naming what is missing.</summary>
public sealed class TimestampingOptionsTests : IDisposable
{
    private readonly RigDirectory _dir = new("bridge-tsa-options");

    [Fact]
    public void Nothing_set_is_off()
    {
        Assert.Null(new TimestampingOptions().ClientOptions());
    }

    [Fact]
    public void A_URL_without_a_CA_file_names_the_missing_setting()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new TimestampingOptions { Url = "http://127.0.0.1:1/tsa" }.ClientOptions());
        Assert.Contains("Bridge:Timestamping:TrustedCaFile", e.Message);
    }

    [Fact]
    public void A_CA_file_without_a_URL_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new TimestampingOptions { TrustedCaFile = "/etc/tsa-ca.pem" }.ClientOptions());
        Assert.Contains("Bridge:Timestamping:Url", e.Message);
    }

    [Fact]
    public void A_CA_file_with_no_certificate_is_refused()
    {
        var empty = _dir.File("empty.pem");
        File.WriteAllText(empty, "not a certificate\n");
        var e = Assert.Throws<InvalidOperationException>(() => new TimestampingOptions { Url = "http://127.0.0.1:1/tsa", TrustedCaFile = empty }.ClientOptions());
        Assert.Contains(empty, e.Message);
    }

    [Theory]
    [InlineData("ftp://tsa.example/", 10)]
    [InlineData("tsa", 10)]
    [InlineData("http://127.0.0.1:1/tsa", 0)]
    public void A_bad_URL_or_timeout_is_refused(string url, int timeoutSeconds)
    {
        Assert.Throws<InvalidOperationException>(() => new TimestampingOptions { Url = url, TrustedCaFile = "/nonexistent.pem", TimeoutSeconds = timeoutSeconds }.ClientOptions());
    }

    [Fact]
    public async Task Configured_for_the_rig_TSA_the_client_gets_a_token()
    {
        await using var tsa = await RigTsa.StartAsync(_dir.Sub("tsa"));
        var options = new TimestampingOptions { Url = tsa.Url, TrustedCaFile = tsa.CaCertificatePath, TimeoutSeconds = 5 }.ClientOptions()!;
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        using var client = new TimestampClient(options);
        var token = await client.TimestampAsync("result"u8.ToArray());
        Assert.Contains("GeoEdge rig TSA", token.TsaSubject);
    }

    public void Dispose() => _dir.Dispose();
}
