using GeoEdge.Agent.Logging;
using GeoEdge.Agent.Residency;

namespace GeoEdge.Agent.Tests.Residency;

public sealed class ResidencyStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _log = new();

    private ResidencyStore Open(string hostId = "edge-test") => new(_dir.Path, hostId, new AgentLog("test", _log));

    [Fact]
    public void The_last_proof_is_served_again_after_a_restart()
    {
        Assert.True(Open().Replace(SampleProof.For(7)));

        var reopened = Open().Latest;

        Assert.NotNull(reopened);
        Assert.Equal(7ul, reopened.Proof.Seq);
        Assert.Equal(SampleProof.For(7).Ear, reopened.Proof.Ear);
    }

    [Fact]
    public void A_proof_for_an_older_reading_does_not_replace_a_newer_one_but_the_same_reading_does()
    {
        var store = Open();
        store.Replace(SampleProof.For(9));

        Assert.False(store.Replace(SampleProof.For(8)));
        Assert.Equal(9ul, store.Latest!.Proof.Seq);
        Assert.True(store.Replace(SampleProof.For(9) with { CountersignedAt = DateTimeOffset.UnixEpoch.AddDays(1) }));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), Open().Latest!.Proof.CountersignedAt);
    }

    [Fact]
    public void A_corrupt_file_serves_nothing_and_says_so()
    {
        File.WriteAllText(_dir.File(ResidencyStore.FileName), "{\"hostId\":\"edge-test\",\"seq\":");

        Assert.Null(Open().Latest);
        Assert.Contains("unreadable", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversize_file_is_not_read_whole_and_serves_nothing()
    {
        File.WriteAllText(_dir.File(ResidencyStore.FileName), "{\"hostId\":\"" + new string('a', 2 << 20) + "\"}");

        Assert.Null(Open().Latest);
        Assert.Contains("larger than", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_hosts_proof_is_not_served()
    {
        Open("edge-other").Replace(SampleProof.For(3, "edge-other"));

        Assert.Null(Open("edge-test").Latest);
        Assert.Contains("edge-other", _log.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
