using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// Every hostile payload on every topic the bridge listens to, for the real host and for one that
/// does not exist: each gets an answer naming "malformed-payload", and the genuine host goes on
/// being verified as if nothing happened.
/// </summary>
public class MalformedMqttTests(ITestOutputHelper output)
{
    private const string UnknownHost = "ghost-99";
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Malformed_payloads_on_readings_enroll_and_activate_are_refused_and_the_bridge_keeps_verifying()
    {
        await using var rig = await RigFixture.StartAsync(output);
        var host = rig.Options.HostId;
        rig.StartAgent();
        var before = await rig.AuthenticatedResultAsync(output);

        // Subscribed only now: the agent's own enrollment outcome is behind us.
        await using var tap = await TopicTap.StartAsync(rig.Broker.PlainPort, Topics.AllHosts(Topics.Leaf.Results), Topics.AllHosts(Topics.Leaf.Enrolled));
        var genuineDuringAttack = new List<ResultMessage>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var target in new[] { host, UnknownHost })
        {
            foreach (var payload in HostilePayloads.All)
            {
                output.WriteLine($"{clock.ElapsedMilliseconds,6} ms {target}: {payload}");
                await tap.PublishAsync(Topics.Readings(target), payload.Bytes);
                var result = await ExpectAsync(tap, Topics.Results(target), m => WireJson.Decode<ResultMessage>(m.Payload),
                    r => r.Seq == 0, genuineDuringAttack, rig, payload);
                Verdicts.AssertRefused(result, "malformed-payload");
                Assert.Equal(target, result.HostId);

                foreach (var topic in new[] { Topics.Enroll(target), Topics.Activate(target) })
                {
                    await tap.PublishAsync(topic, payload.Bytes);
                    var outcome = await ExpectAsync(tap, Topics.Enrolled(target), m => WireJson.Decode<EnrollmentOutcome>(m.Payload),
                        _ => true, genuineDuringAttack, rig, payload);
                    Assert.False(outcome.Enrolled, $"{topic}: {payload}");
                    Assert.Equal(target, outcome.HostId);
                    Assert.StartsWith("malformed-payload:", outcome.Reason, StringComparison.Ordinal);
                }
            }
        }

        Assert.False(rig.Bridge.Process.HasExited, rig.Diagnostics());
        var after = await ExpectAsync(tap, Topics.Results(host), m => WireJson.Decode<ResultMessage>(m.Payload),
            r => r.Seq > before.Seq, genuineDuringAttack, rig, null);
        Verdicts.AssertGenuineInside(after, rig.Options);
        foreach (var genuine in genuineDuringAttack) Verdicts.AssertGenuineInside(genuine, rig.Options);
        var enrolled = await rig.Bridge.GetJsonAsync($"/v1/hosts/{host}");
        Assert.True(enrolled.GetProperty("lastSeq").GetUInt64() >= after.Seq, "the host's last accepted sequence moved on");
        Assert.False(rig.Agent.Process.HasExited, rig.Diagnostics());
    }

    /// <summary>
    /// The next answer on <paramref name="topic"/> that <paramref name="isAnswer"/> picks; the genuine
    /// host's own results that pass by meanwhile are kept to be checked too.
    /// </summary>
    private async Task<T> ExpectAsync<T>(TopicTap tap, string topic, Func<Drivers.Mqtt.MqttMessage, T> decode, Func<T, bool> isAnswer,
        List<ResultMessage> genuine, GeoEdgeRig rig, HostilePayload? payload)
    {
        T? answer = default;
        try
        {
            await tap.NextAsync(m =>
            {
                if (m.Topic == Topics.Results(rig.Options.HostId) && WireJson.Decode<ResultMessage>(m.Payload) is { Seq: > 0 } result)
                    genuine.Add(result);
                if (m.Topic != topic) return false;
                var decoded = decode(m);
                if (!isAnswer(decoded)) return false;
                answer = decoded;
                return true;
            }, AnswerTimeout);
        }
        catch (Rig.Processes.RigException e)
        {
            output.WriteLine(rig.Diagnostics());
            throw new Xunit.Sdk.XunitException($"no answer on {topic} for {payload?.ToString() ?? "a genuine reading"}: {e.Message}");
        }
        return answer!;
    }
}
