using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Composition;

/// <summary>
/// Listens, like any other MQTT client of the broker, to the results the bridge publishes for every
/// host, so the demo and the tests observe exactly what agents receive.
/// </summary>
public sealed class ResultWatcher(TopicTap tap) : IAsyncDisposable
{
    public static async Task<ResultWatcher> StartAsync(int brokerPort) =>
        new(await TopicTap.StartAsync(brokerPort, Topics.AllHosts(Topics.Leaf.Results)));

    /// <summary>The next result, or a RigException naming the timeout.</summary>
    public Task<ResultMessage> NextAsync(TimeSpan timeout) => tap.NextAsync(Decode, timeout, "result from the bridge");

    /// <summary>Results that arrived and were not taken yet, without waiting.</summary>
    public IEnumerable<ResultMessage> Pending() => tap.Pending().Select(Decode).OfType<ResultMessage>();

    /// <summary>The bridge only sends results on these topics; anything else is not ours to judge here.</summary>
    private static ResultMessage? Decode(Drivers.Mqtt.MqttMessage message)
    {
        try
        {
            return WireJson.Decode<ResultMessage>(message.Payload);
        }
        catch (WireFormatException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => tap.DisposeAsync();
}
