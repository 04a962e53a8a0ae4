using System.Text.Json;
using GeoEdge.Bridge.Store;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Composition;

/// <summary>Runs <see cref="CompositionCheck"/> on an accepted reading against the host's approved composition.</summary>
public sealed class CompositionGuard(BridgeStore store)
{
    public CompositionCheck.Result Check(string hostId, Reading reading)
    {
        var host = store.GetHost(hostId) ?? throw new InvalidOperationException($"host '{hostId}' is not enrolled");
        return CompositionCheck.Check(Approved(host), reading.Modem);
    }

    public static HostComposition Approved(EnrolledHost host) =>
        JsonSerializer.Deserialize(host.CompositionJson, WireJsonContext.Default.HostComposition) ?? new HostComposition();
}
