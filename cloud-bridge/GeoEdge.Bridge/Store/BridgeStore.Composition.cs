using System.Text.Json;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Store;

public sealed partial class BridgeStore
{
    /// <summary>Records the composition the host's readings now show, for an operator to approve (first sighting kept).</summary>
    public void SetPendingComposition(string hostId, HostComposition observed, DateTimeOffset at)
    {
        var json = JsonSerializer.Serialize(observed, WireJsonContext.Default.HostComposition);
        lock (_lock)
        {
            Execute("""
                INSERT INTO composition_pending VALUES ($h, $c, $at, $at)
                ON CONFLICT(host_id) DO UPDATE SET
                    first_seen = CASE WHEN composition = $c THEN first_seen ELSE $at END,
                    composition = $c, last_seen = $at
                """, ("$h", hostId), ("$c", json), ("$at", Iso(at)));
        }
    }

    /// <summary>The composition waiting for approval, or null.</summary>
    public PendingComposition? GetPendingComposition(string hostId)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT composition, first_seen, last_seen FROM composition_pending WHERE host_id = $h", ("$h", hostId));
            using var r = cmd.ExecuteReader();
            return r.Read() ? new PendingComposition(hostId, r.GetString(0), ParseIso(r.GetString(1)), ParseIso(r.GetString(2))) : null;
        }
    }

    /// <summary>
    /// Makes the pending composition the approved one, if it is still the one the operator saw
    /// (<paramref name="expected"/>): returns false, changing nothing, when none is pending or it changed since.
    /// </summary>
    public bool ApprovePendingComposition(string hostId, HostComposition expected)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            var pending = Scalar<string?>("SELECT composition FROM composition_pending WHERE host_id = $h", ("$h", hostId));
            if (pending is null || JsonSerializer.Deserialize(pending, WireJsonContext.Default.HostComposition) != expected) return false;
            Execute("UPDATE hosts SET composition = $c WHERE host_id = $h", ("$h", hostId), ("$c", pending));
            Execute("DELETE FROM composition_pending WHERE host_id = $h", ("$h", hostId));
            tx.Commit();
            return true;
        }
    }

    /// <summary>A reading showed the approved composition again: nothing is pending any more.</summary>
    public void ClearPendingComposition(string hostId)
    {
        lock (_lock) Execute("DELETE FROM composition_pending WHERE host_id = $h", ("$h", hostId));
    }
}

/// <summary>A composition the host's readings show that differs from the approved one.</summary>
public sealed record PendingComposition(string HostId, string CompositionJson, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
