using System.Text.Json.Serialization.Metadata;
using GeoEdge.Bridge.Store;

namespace GeoEdge.Bridge.Api;

/// <summary>
/// Whose versioned policies one block of endpoints serves, a host's or a group's: what differs between
/// the two (the route, the owner check, the store calls, the view) so that PolicyApi maps the list, PUT,
/// DELETE and versions endpoints once for both. Owner checks return the refusal, or null to go on.
/// </summary>
internal sealed record PolicyOwner<TView>(
    string Kind,
    string Collection,
    Func<BridgeStore, string, IResult?> CheckForList,
    Func<BridgeStore, string, IResult?> CheckForPut,
    Func<BridgeStore, string, IEnumerable<TView>> Current,
    Func<BridgeStore, string, string, IEnumerable<TView>> Versions,
    Func<BridgeStore, string, string, string, DateTimeOffset, int> Put,
    Func<BridgeStore, string, string, DateTimeOffset, int?> Retire,
    JsonTypeInfo<TView> View,
    JsonTypeInfo<List<TView>> Views)
    where TView : IPolicyVersionView
{
    /// <summary>The view of the version a PUT or DELETE just stored.</summary>
    public TView Stored(BridgeStore store, string ownerId, string policyId, int version) =>
        Versions(store, ownerId, policyId).Single(p => p.Version == version);
}
