using GeoEdge.Hil.Rig.Mqtt;

namespace GeoEdge.Drivers.Mqtt.Tests;

/// <summary>One mosquitto for a test class whose tests do not stop it (each test uses its own topics).</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private MosquittoRig? _rig;

    public MosquittoRig Rig => _rig ?? throw new InvalidOperationException("the broker fixture was not started");

    public async Task InitializeAsync() => _rig = await MosquittoRig.StartAsync();

    public Task DisposeAsync()
    {
        _rig?.Dispose();
        return Task.CompletedTask;
    }
}
