using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Tests;

/// <summary>A changed composition waits in the store until exactly it is approved.</summary>
public sealed class BridgeStoreCompositionTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly HostComposition Swapped = new() { Imei = "867962041234567", Iccid = "8934019999999999999", Imsi = "214019999999999" };

    [Fact]
    public void Approving_the_pending_composition_makes_it_the_hosts_and_clears_it()
    {
        _temp.Enroll("edge-01");
        var first = DateTimeOffset.Parse("2026-11-23T10:00:00Z");
        _temp.Store.SetPendingComposition("edge-01", Swapped, first);
        _temp.Store.SetPendingComposition("edge-01", Swapped, first.AddMinutes(5));

        var pending = _temp.Store.GetPendingComposition("edge-01")!;
        Assert.Equal((first, first.AddMinutes(5)), (pending.FirstSeen, pending.LastSeen));
        Assert.True(_temp.Store.ApprovePendingComposition("edge-01", Swapped));
        Assert.Null(_temp.Store.GetPendingComposition("edge-01"));
        Assert.Contains("8934019999999999999", _temp.Store.GetHost("edge-01")!.CompositionJson);
    }

    [Fact]
    public void An_approval_of_something_else_than_what_is_pending_changes_nothing()
    {
        _temp.Enroll("edge-01");
        var before = _temp.Store.GetHost("edge-01")!.CompositionJson;
        _temp.Store.SetPendingComposition("edge-01", Swapped, DateTimeOffset.UtcNow);

        Assert.False(_temp.Store.ApprovePendingComposition("edge-01", Swapped with { Iccid = "8934010000000000000" }));
        Assert.False(_temp.Store.ApprovePendingComposition("edge-02", Swapped));
        Assert.Equal(before, _temp.Store.GetHost("edge-01")!.CompositionJson);
        Assert.NotNull(_temp.Store.GetPendingComposition("edge-01"));
    }
}
