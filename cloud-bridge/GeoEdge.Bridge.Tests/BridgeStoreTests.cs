using GeoEdge.Bridge.Store;

namespace GeoEdge.Bridge.Tests;

public class BridgeStoreTests
{
    private static AcceptedReading Reading(string hostId, ulong seq, ulong clock = 1000, uint reset = 1, uint restart = 0) =>
        new(hostId, seq, [(byte)seq], [0xff, 0x54], [0x00, 0x18], new TpmCounters(seq, clock, reset, restart));

    [Fact]
    public void Accepting_the_same_sequence_again_is_refused_and_stores_nothing()
    {
        using var temp = new TempStore();
        temp.Enroll("edge-01");
        var at = DateTimeOffset.UtcNow;

        Assert.True(temp.Store.TryAcceptReading(Reading("edge-01", 5, clock: 5000), at));
        Assert.False(temp.Store.TryAcceptReading(Reading("edge-01", 5, clock: 9000), at.AddSeconds(1)));

        Assert.Equal([5UL], temp.Store.ReadingSequences("edge-01"));
        Assert.Equal(new TpmCounters(5, 5000, 1, 0), temp.Store.GetHost("edge-01")!.Last);
    }

    [Fact]
    public void Accepting_a_lower_sequence_is_refused_and_does_not_move_the_counters_back()
    {
        using var temp = new TempStore();
        temp.Enroll("edge-01");
        var at = DateTimeOffset.UtcNow;

        Assert.True(temp.Store.TryAcceptReading(Reading("edge-01", 7, clock: 7000), at));
        Assert.False(temp.Store.TryAcceptReading(Reading("edge-01", 6, clock: 8000), at.AddSeconds(1)));

        Assert.Equal([7UL], temp.Store.ReadingSequences("edge-01"));
        Assert.Equal(new TpmCounters(7, 7000, 1, 0), temp.Store.GetHost("edge-01")!.Last);
    }

    [Fact]
    public void Readings_are_listed_in_the_order_they_were_accepted_with_their_arrival_time()
    {
        using var temp = new TempStore();
        temp.Enroll("edge-01");
        var t0 = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.True(temp.Store.TryAcceptReading(Reading("edge-01", 1), t0));
        Assert.True(temp.Store.TryAcceptReading(Reading("edge-01", 3), t0.AddMilliseconds(1500)));

        Assert.Equal([new StoredReadingArrival(1, t0), new StoredReadingArrival(3, t0.AddMilliseconds(1500))],
            temp.Store.ReadingArrivals("edge-01"));
        Assert.Empty(temp.Store.ReadingArrivals("edge-02"));
    }

    [Fact]
    public void Policy_versions_increase_per_policy_and_the_current_ones_are_the_latest_of_each()
    {
        using var temp = new TempStore();
        var at = DateTimeOffset.UtcNow;

        Assert.Equal(1, temp.Store.PutPolicy("edge-01", "madrid", "m1", at));
        Assert.Equal(2, temp.Store.PutPolicy("edge-01", "madrid", "m2", at));
        Assert.Equal(1, temp.Store.PutPolicy("edge-01", "spain", "s1", at));
        Assert.Equal(3, temp.Store.PutPolicy("edge-01", "madrid", "m3", at));
        Assert.Equal(1, temp.Store.PutPolicy("edge-02", "madrid", "other host", at));

        var current = temp.Store.CurrentPolicies("edge-01");
        Assert.Equal([("madrid", 3, "m3"), ("spain", 1, "s1")], current.Select(p => (p.PolicyId, p.Version, p.Body)));
        Assert.Equal([("madrid", 1, "other host")], temp.Store.CurrentPolicies("edge-02").Select(p => (p.PolicyId, p.Version, p.Body)));
    }

    [Fact]
    public void A_challenge_is_taken_once()
    {
        using var temp = new TempStore();
        var created = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var challenge = new PendingChallenge("c0ffee", "edge-01", [1, 2, 3], [9, 9], "000bcafe", created);
        temp.Store.SaveChallenge(challenge);

        var taken = temp.Store.TakeChallenge("c0ffee");

        Assert.NotNull(taken);
        Assert.Equal((challenge.ChallengeId, challenge.HostId, challenge.AkName, challenge.CreatedAt), (taken.ChallengeId, taken.HostId, taken.AkName, taken.CreatedAt));
        Assert.Equal(challenge.Request, taken.Request);
        Assert.Equal(challenge.Secret, taken.Secret);
        Assert.Null(temp.Store.TakeChallenge("c0ffee"));
    }

    [Fact]
    public void A_new_challenge_for_a_host_replaces_its_outstanding_one()
    {
        using var temp = new TempStore();
        var at = DateTimeOffset.UtcNow;
        temp.Store.SaveChallenge(new PendingChallenge("first", "edge-01", [1], [1], "000b01", at));
        temp.Store.SaveChallenge(new PendingChallenge("second", "edge-01", [2], [2], "000b02", at));

        Assert.Null(temp.Store.TakeChallenge("first"));
        Assert.NotNull(temp.Store.TakeChallenge("second"));
    }

    [Fact]
    public void Re_enrolling_with_the_same_AK_keeps_the_freshness_counters()
    {
        using var temp = new TempStore();
        temp.Enroll("edge-01", akName: "000b1111");
        Assert.True(temp.Store.TryAcceptReading(Reading("edge-01", 12, clock: 4242, reset: 3, restart: 2), DateTimeOffset.UtcNow));

        temp.Enroll("edge-01", akName: "000b1111");

        Assert.Equal(new TpmCounters(12, 4242, 3, 2), temp.Store.GetHost("edge-01")!.Last);
        Assert.False(temp.Store.TryAcceptReading(Reading("edge-01", 12), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Re_enrolling_with_another_AK_resets_the_freshness_counters()
    {
        using var temp = new TempStore();
        temp.Enroll("edge-01", akName: "000b1111");
        Assert.True(temp.Store.TryAcceptReading(Reading("edge-01", 12, clock: 4242, reset: 3, restart: 2), DateTimeOffset.UtcNow));

        temp.Enroll("edge-01", akName: "000b2222", akPublic: [0x07]);

        var host = temp.Store.GetHost("edge-01")!;
        Assert.Null(host.Last);
        Assert.Equal("000b2222", host.AkName);
        Assert.Equal([0x07], host.AkPublic);
    }

    [Fact]
    public void The_store_survives_reopening_the_same_file()
    {
        using var temp = new TempStore();
        temp.Enroll("edge-01");
        Assert.True(temp.Store.TryAcceptReading(Reading("edge-01", 1), DateTimeOffset.UtcNow));

        using var reopened = new BridgeStore(temp.Path);

        Assert.Equal([1UL], reopened.ReadingSequences("edge-01"));
        Assert.False(reopened.TryAcceptReading(Reading("edge-01", 1), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void The_published_result_is_found_only_for_the_exact_reading_stored_under_its_number()
    {
        using var temp = new TempStore();
        temp.Enroll("edge-01");
        var reading = Reading("edge-01", 4);
        Assert.True(temp.Store.TryAcceptReading(reading, DateTimeOffset.UtcNow));
        var digest = GeoEdge.Wire.Readings.CanonicalReading.Digest(reading.Reading);
        var verdictId = temp.Store.AddVerdict(new StoredVerdict(0, "edge-01", 4, DateTimeOffset.UtcNow, "affirming", "inside", null, "[]", "ear"));

        // Not yet notarized: nothing to give again.
        Assert.Null(temp.Store.PublishedResultFor("edge-01", 4, digest));
        temp.Store.AttachNotarizations([new Notarization(verdictId, 0, null, null, "{\"published\":1}"u8.ToArray())]);

        Assert.Equal("{\"published\":1}"u8.ToArray(), temp.Store.PublishedResultFor("edge-01", 4, digest));
        // Another reading under the same number (a forgery, or a reused number) is not the one that result judged.
        Assert.Null(temp.Store.PublishedResultFor("edge-01", 4, GeoEdge.Wire.Readings.CanonicalReading.Digest([0x99])));
        Assert.Null(temp.Store.PublishedResultFor("edge-01", 5, digest));
        Assert.Null(temp.Store.PublishedResultFor("edge-02", 4, digest));
    }
}
