using GeoEdge.Drivers.Mqtt;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// A passive listener on one host's readings topic: sees exactly the attested readings the agent
/// publishes (what an eavesdropper on the broker sees), so tests can check them with outside tools or
/// reuse their parts. Payloads that are not attested readings are counted and skipped.
/// </summary>
public sealed class ReadingTap(TopicTap tap) : IAsyncDisposable
{
    private int _undecodable;

    /// <summary>Messages on the topic that did not decode as an AttestedReading.</summary>
    public int Undecodable => Volatile.Read(ref _undecodable);

    public static async Task<ReadingTap> StartAsync(int brokerPort, string hostId) =>
        new(await TopicTap.StartAsync(brokerPort, Topics.Readings(hostId)));

    /// <summary>The next attested reading published on the topic, or a RigException naming the timeout.</summary>
    public Task<AttestedReading> NextAsync(TimeSpan timeout) => tap.NextAsync(Decode, timeout, "attested reading was published");

    private AttestedReading? Decode(MqttMessage message)
    {
        try
        {
            return WireJson.Decode<AttestedReading>(message.Payload);
        }
        catch (WireFormatException)
        {
            Interlocked.Increment(ref _undecodable);
            return null;
        }
    }

    public ValueTask DisposeAsync() => tap.DisposeAsync();
}
