using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// An attacker with access to the broker: changes readings in flight, or sends a genuine reading
/// again. The quote binds the reading, and the sequence binds the quote to one moment.
/// </summary>
public class TamperAndReplayTests(ITestOutputHelper output)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Readings_moved_on_the_broker_are_refused_for_qualifying_data_while_genuine_ones_stay_inside()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        await rig.AuthenticatedResultAsync(output);

        await using var forger = await ReadingForger.StartAsync(rig.Broker.PlainPort, rig.Options.HostId);
        int forged = 0, genuine = 0;
        for (var i = 0; i < 30 && (forged < 3 || genuine < 3); i++)
        {
            var result = (await rig.ResultsAsync(1, output, timeoutSeconds: 15))[0];
            output.WriteLine($"result seq {result.Seq}: {result.EarStatus} {result.Geofence} {string.Join("; ", result.Reasons)}");
            if (result.EarStatus == "contraindicated")
            {
                Verdicts.AssertRefused(result, "qualifying-data-mismatch");
                forged++;
            }
            else
            {
                Verdicts.AssertGenuineInside(result, rig.Options);
                genuine++;
            }
        }

        Assert.True(forged >= 3, $"only {forged} forged copies were refused");
        Assert.True(genuine >= 3, $"only {genuine} genuine readings were accepted");
        Assert.True(forger.Forged >= forged, $"{forged} refusals for {forger.Forged} forged copies");
    }

    [Fact]
    public async Task A_reading_whose_sequence_was_pushed_ahead_is_refused_and_does_not_block_the_host()
    {
        await using var rig = await RigFixture.StartAsync(output);
        await using var tap = await TopicTap.StartAsync(rig.Broker.PlainPort, Topics.Readings(rig.Options.HostId));
        rig.StartAgent();
        await rig.AuthenticatedResultAsync(output);

        // Had the bridge believed this copy, every later genuine reading would look like a replay.
        var captured = await tap.NextAsync(_ => true, AnswerTimeout);
        var original = WireJson.Decode<AttestedReading>(captured.Payload);
        var reading = CanonicalReading.Decode(original.Reading);
        var ahead = original with { Reading = CanonicalReading.Encode(reading with { Seq = reading.Seq + 1_000_000 }) };
        await tap.PublishAsync(captured.Topic, WireJson.Encode(ahead));

        var refusal = await rig.ResultWhereAsync(r => r.EarStatus == "contraindicated", output);
        Verdicts.AssertRefused(refusal, "qualifying-data-mismatch");
        var later = (await rig.ResultsAsync(3, output, timeoutSeconds: 15)).Where(r => r.Seq > reading.Seq).ToList();
        Assert.NotEmpty(later);
        foreach (var result in later) Verdicts.AssertGenuineInside(result, rig.Options);
    }

    [Fact]
    public async Task A_genuine_reading_sent_again_gets_its_first_result_again_and_is_stored_once()
    {
        await using var rig = await RigFixture.StartAsync(output);
        await using var tap = await TopicTap.StartAsync(rig.Broker.PlainPort, Topics.Readings(rig.Options.HostId));
        rig.StartAgent();

        // A reading whose fix OSNMA has authenticated, so that its first verdict is the full affirming/inside one.
        var captured = await tap.NextAsync(m => IsAuthenticated(CanonicalReading.Decode(WireJson.Decode<AttestedReading>(m.Payload).Reading).Fix),
            TimeSpan.FromSeconds(90));
        var seq = CanonicalReading.Decode(WireJson.Decode<AttestedReading>(captured.Payload).Reading).Seq;
        output.WriteLine($"captured reading {seq} ({captured.Payload.Length} bytes)");
        var first = await rig.ResultWhereAsync(r => r.Seq == seq, output);
        Verdicts.AssertGenuineInside(first, rig.Options);

        await tap.PublishAsync(captured.Topic, captured.Payload);

        // The copy (a redelivery, or a replay: the same bytes either way) claims nothing new: it gets the very result
        // published for the reading, the same signed EAR with its original times and log entry, and no new verdict.
        var again = await rig.ResultWhereAsync(r => r.Seq == seq, output);
        Assert.Equal(first.Ear, again.Ear);
        Assert.Equal(first.LogIndex, again.LogIndex);
        Assert.Equal(first.ReadingDigest, again.ReadingDigest);
        Assert.Equal(1, StoredCopies(rig, seq));
        var verdicts = await rig.Bridge.GetJsonAsync($"/v1/hosts/{rig.Options.HostId}/verdicts?limit=1000");
        var forSeq = verdicts.EnumerateArray()
            .Where(v => v.TryGetProperty("seq", out var s) && s.GetUInt64() == seq).Select(v => v.GetProperty("earStatus").GetString()).ToList();
        Assert.Equal(["affirming"], forSeq);
        Assert.False(rig.Bridge.Process.HasExited);
    }

    private static bool IsAuthenticated(GnssFixReport? fix) =>
        fix?.Satellites is { Count: >= 4 } used && used.All(s => s.Osnma?.NavData.Authenticated == true);

    /// <summary>Rows in the bridge's readings table for this sequence, read straight from its SQLite file.</summary>
    private static long StoredCopies(GeoEdgeRig rig, ulong seq)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = rig.Bridge.DatabasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM readings WHERE host_id = $h AND seq = $s";
        cmd.Parameters.AddWithValue("$h", rig.Options.HostId);
        cmd.Parameters.AddWithValue("$s", (long)seq);
        return (long)cmd.ExecuteScalar()!;
    }
}
