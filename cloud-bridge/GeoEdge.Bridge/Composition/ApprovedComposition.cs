using System.Text.Json;
using GeoEdge.Bridge.Store;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Composition;

/// <summary>The composition an operator approved for a host (at enrollment, or later through the API).</summary>
public static class ApprovedComposition
{
    public static HostComposition Of(EnrolledHost host) =>
        JsonSerializer.Deserialize(host.CompositionJson, WireJsonContext.Default.HostComposition) ?? new HostComposition();
}
