using System.Threading.Channels;
using GeoEdge.Hil.Rig.Mqtt;

namespace GeoEdge.Drivers.Mqtt.Tests;

/// <summary>Client options and bounded waits for the tests: nothing here may wait forever.</summary>
internal static class TestClients
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static string UniqueId(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(40, purpose.Length + 33)];

    public static string UniqueTopic(string purpose) => $"geoedge/test/{purpose}/{Guid.NewGuid():N}";

    public static MqttClientOptions Plain(MosquittoRig rig, string purpose) =>
        new(rig.Host, rig.PlainPort, UniqueId(purpose))
        {
            ReconnectDelayMin = TimeSpan.FromSeconds(1),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
        };

    public static MqttClientOptions Tls(MosquittoRig rig, string purpose, string? certPath, string? keyPath) =>
        new(rig.Host, rig.TlsPort, UniqueId(purpose))
        {
            Tls = new MqttTlsOptions(rig.CaPath, certPath, keyPath),
            ReconnectDelayMin = TimeSpan.FromSeconds(1),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
        };

    public static async Task<MqttClient> ConnectedAsync(MqttClientOptions options)
    {
        var client = MqttClient.Create(options);
        try
        {
            await client.ConnectAsync(CancellationToken.None).WaitAsync(Patience);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public static async Task<MqttMessage> NextAsync(this ChannelReader<MqttMessage> messages, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Patience);
        try
        {
            return await messages.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no message arrived within {(timeout ?? Patience).TotalSeconds} s");
        }
    }

    /// <summary>True if no message arrives within the window (for "nothing else was delivered" checks).</summary>
    public static async Task<bool> StaysEmptyAsync(this ChannelReader<MqttMessage> messages, TimeSpan window)
    {
        using var cts = new CancellationTokenSource(window);
        try
        {
            await messages.WaitToReadAsync(cts.Token);
            return !messages.TryPeek(out _);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Waits until the condition holds, polling; fails the test with the description otherwise.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up waiting for: {description}");
            await Task.Delay(50);
        }
    }
}
