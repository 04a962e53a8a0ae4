using System.Diagnostics;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Timestamping;

namespace GeoEdge.Timestamping.Tests;

/// <summary>Every way the TSA's answer can be wrong ends in a refusal naming it, within the configured time.</summary>
public sealed class ClientFaultTests(TsaFixture fixture) : IClassFixture<TsaFixture>
{
    private static readonly byte[] Data = "a result to timestamp"u8.ToArray();

    private async Task<TimestampException> RefusedAsync(TsaFault fault, TimeSpan? timeout = null, int maxResponseBytes = 64 * 1024)
    {
        fixture.Tsa.FailNext(fault);
        using var client = TsaFixture.ClientFor(fixture.Tsa, timeout: timeout, maxResponseBytes: maxResponseBytes);
        return await Assert.ThrowsAnyAsync<TimestampException>(() => client.TimestampAsync(Data));
    }

    [Fact]
    public async Task An_openssl_rejection_names_its_status_failInfo_and_text()
    {
        var refused = Assert.IsType<TimestampRejectedException>(await RefusedAsync(new TsaFault.Rejection()));
        Assert.Equal(TimestampFailure.Rejected, refused.Reason);
        Assert.Equal(PkiStatus.Rejection, refused.Status);
        Assert.Equal(PkiFailureInfo.BadAlg, refused.FailureInfo);
        Assert.False(string.IsNullOrWhiteSpace(refused.StatusText));
        Assert.Contains("BadAlg", refused.Message);
    }

    [Fact]
    public async Task HTTP_500_is_refused_with_its_status()
    {
        var refused = await RefusedAsync(new TsaFault.ServerError());
        Assert.Equal(TimestampFailure.HttpStatus, refused.Reason);
        Assert.Contains("500", refused.Message);
    }

    [Fact]
    public async Task A_garbage_body_is_not_a_TimeStampResp()
    {
        Assert.Equal(TimestampFailure.NotTimeStampResp, (await RefusedAsync(new TsaFault.Garbage())).Reason);
    }

    [Fact]
    public async Task An_over_large_answer_is_refused_at_the_bound()
    {
        var refused = await RefusedAsync(new TsaFault.Oversize(200_000), maxResponseBytes: 64 * 1024);
        Assert.Equal(TimestampFailure.ResponseTooLarge, refused.Reason);
    }

    [Fact]
    public async Task A_replayed_answer_fails_on_its_nonce()
    {
        using var client = TsaFixture.ClientFor(fixture.Tsa);
        await client.TimestampAsync(Data);
        // Same data, so the imprint would match: only the nonce tells the replay apart.
        var refused = await RefusedAsync(new TsaFault.ReplayPrevious());
        Assert.Equal(TimestampFailure.NonceMismatch, refused.Reason);
    }

    [Fact]
    public async Task A_TSA_that_never_answers_is_given_up_on_in_time()
    {
        var clock = Stopwatch.StartNew();
        var refused = await RefusedAsync(new TsaFault.Delay(TimeSpan.FromMinutes(5)), timeout: TimeSpan.FromSeconds(1));
        Assert.Equal(TimestampFailure.TsaTimeout, refused.Reason);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Nothing_listening_is_unreachable()
    {
        var port = FreePort.Next();
        using var client = new TimestampClient(new TimestampClientOptions
        {
            Url = new Uri($"http://127.0.0.1:{port}/tsa"),
            TrustedCas = TsaFixture.Trust(fixture.Tsa),
            Timeout = TimeSpan.FromSeconds(5),
        });
        var refused = await Assert.ThrowsAsync<TimestampException>(() => client.TimestampAsync(Data));
        Assert.Equal(TimestampFailure.TsaUnreachable, refused.Reason);
    }

    [Fact]
    public async Task The_TSA_serves_again_after_each_fault()
    {
        await RefusedAsync(new TsaFault.Garbage());
        using var client = TsaFixture.ClientFor(fixture.Tsa);
        Assert.NotEmpty((await client.TimestampAsync(Data)).Token);
    }
}
