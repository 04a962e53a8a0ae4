using System.Security.Cryptography.X509Certificates;
using System.Text;
using GeoEdge.Bridge.ResultSigning;
using GeoEdge.Bridge.Verification;
using GeoEdge.Ear;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Timestamping;
using GeoEdge.Timestamping;
using GeoEdge.Transparency;
using GeoEdge.Wire.Messages;
using Microsoft.Extensions.Logging.Abstractions;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// The notary against a real openssl TSA and a log on disk: results queued while a token is being made share the
/// next one, each result's evidence proves its own EAR and no other, and a TSA or an EAR that fails spoils nothing else.
/// </summary>
public sealed class ResultNotaryTests : IAsyncLifetime
{
    private const string Host = "edge-01";

    private readonly TempStore _temp = new();
    private readonly RigDirectory _directory = new("notary-tests");
    private readonly EarSigningKey _key = EarSigningKey.Generate();
    private TransparencyLog _log = null!;
    private RigTsa _tsa = null!;
    private TimestampClient _client = null!;
    private ResultNotary _notary = null!;
    private X509Certificate2Collection _trusted = null!;

    public async Task InitializeAsync()
    {
        _temp.Enroll(Host);
        _log = new TransparencyLog(Path.Combine(_directory.Path, "log.db"), _key);
        _tsa = await RigTsa.StartAsync(_directory.Sub("tsa"));
        _trusted = [];
        _trusted.ImportFromPemFile(_tsa.CaCertificatePath);
        _client = new TimestampClient(new TimestampClientOptions { Url = new Uri(_tsa.Url), TrustedCas = _trusted });
        _notary = new ResultNotary(_log, _client, _temp.Store, NullLogger<ResultNotary>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _notary.DisposeAsync();
        _client.Dispose();
        await _tsa.DisposeAsync();
        _log.Dispose();
        _key.Dispose();
        _temp.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Results_queued_while_a_token_is_made_share_the_next_and_each_proves_only_its_own_EAR()
    {
        // The first result waits on a slow TSA; the three issued meanwhile go into the next batch together.
        _tsa.FailNext(new TsaFault.Delay(TimeSpan.FromSeconds(1)));
        var alone = Issue();
        await Task.Delay(200);
        var batched = new[] { Issue(), Issue(), Issue() };
        var results = await Task.WhenAll([alone.Publishable, .. batched.Select(b => b.Publishable)]);

        Assert.Equal(2, _tsa.RequestCount);
        Assert.Equal([0L, 1, 2, 3], results.Select(r => r.LogIndex!.Value));
        Assert.Equal(1, results[0].EarTimestamp!.TreeSize);
        Assert.All(results[1..], r => Assert.Equal(4, r.EarTimestamp!.TreeSize));
        Assert.All(results[2..], r => Assert.Equal(results[1].EarTimestamp!.Token, r.EarTimestamp!.Token));
        foreach (var result in results)
        {
            var stamped = Verify(result.EarTimestamp!, result.Ear);
            Assert.InRange(stamped.GenTime, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(2));
        }

        // Another result's path and token say nothing about this EAR: the path leads to another root.
        var e = Assert.Throws<TimestampException>(() => Verify(results[1].EarTimestamp!, results[2].Ear));
        Assert.Equal(TimestampFailure.ImprintMismatch, e.Reason);

        var stored = _temp.Store.Verdicts(Host, 0, 10);
        Assert.Equal(results.Select(r => (long?)r.LogIndex), stored.Select(v => v.LogIndex));
        Assert.Equal(results.Select(r => (long?)r.EarTimestamp!.TreeSize), stored.Select(v => v.EarTimestampTreeSize));
        Assert.Equal(results[3].EarTimestamp!.Token, stored[3].EarTimestamp);
    }

    [Fact]
    public async Task A_TSA_that_fails_leaves_its_batch_logged_without_a_token_and_the_next_is_stamped_again()
    {
        _tsa.FailNext(new TsaFault.ServerError());
        var unstamped = await Issue().Publishable;
        var stamped = await Issue().Publishable;

        Assert.Equal(0, unstamped.LogIndex);
        Assert.Null(unstamped.EarTimestamp);
        Assert.Equal(1, stamped.LogIndex);
        Verify(stamped.EarTimestamp!, stamped.Ear);
        var stored = _temp.Store.Verdicts(Host, 0, 10);
        Assert.Null(stored[0].EarTimestamp);
        Assert.Null(stored[0].EarTimestampTreeSize);
        Assert.Equal(2, stored[1].EarTimestampTreeSize);
    }

    [Fact]
    public async Task An_EAR_too_large_for_the_log_fails_alone_and_the_results_beside_it_are_logged()
    {
        _tsa.FailNext(new TsaFault.Delay(TimeSpan.FromSeconds(1)));
        var first = Issue();
        await Task.Delay(200);
        var huge = new ResultMessage { HostId = Host, Seq = 99, Ear = new string('e', TransparencyLog.MaxEntryBytes + 1), EarStatus = "contraindicated", Reasons = [] };
        var refused = _notary.NotarizeAsync(huge, verdictId: 1);
        var beside = Issue();

        var e = await Assert.ThrowsAsync<TransparencyLogException>(() => refused);
        Assert.Contains("more than the 65536 a log entry may have", e.Message);
        Assert.Equal(1, (await beside.Publishable).LogIndex);
        Assert.Equal(0, (await first.Publishable).LogIndex);
        Assert.Equal(2, _log.Size);
    }

    private IssuedResult Issue() =>
        new ResultIssuer(_temp.Store, _key, TimeProvider.System, TimeSpan.FromMinutes(15), "test", _notary)
            .IssueForPublication(VerificationOutcome.Refused(Host, null, new Finding(FindingCodes.BadSignature, "test")), null, null);

    /// <summary>What `geoedge verify --timestamp` does: walk the EAR's path to the root, then check the token covers that tree head.</summary>
    private VerifiedTimestamp Verify(TimestampEvidence evidence, string ear)
    {
        var inclusion = new TimestampedInclusion(evidence.LeafIndex, evidence.TreeSize, evidence.InclusionPath, evidence.Token);
        Assert.Equal(InclusionCheck.Valid, inclusion.StampedDataFor(Encoding.ASCII.GetBytes(ear), out var stampedData));
        return TimestampVerifier.Verify(evidence.Token, stampedData, _trusted);
    }
}
