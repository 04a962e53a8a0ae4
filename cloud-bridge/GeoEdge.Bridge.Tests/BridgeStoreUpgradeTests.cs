using GeoEdge.Bridge.Store;

namespace GeoEdge.Bridge.Tests;

/// <summary>A store written by a bridge from before GNSS authentication opens, keeps its verdicts, and records the new facts.</summary>
public class BridgeStoreUpgradeTests
{
    [Fact]
    public void A_verdicts_table_without_the_GNSS_columns_gets_them_and_its_old_rows_read_as_not_recorded()
    {
        using var old = new OlderStoreFile("""
            CREATE TABLE verdicts (id INTEGER PRIMARY KEY AUTOINCREMENT, host_id TEXT NOT NULL, seq INTEGER, created_at TEXT NOT NULL,
                ear_status TEXT NOT NULL, geofence TEXT, policy_id TEXT, reasons TEXT NOT NULL, ear TEXT NOT NULL);
            INSERT INTO verdicts (host_id, seq, created_at, ear_status, geofence, policy_id, reasons, ear)
            VALUES ('edge-01', 1, '2025-01-01T00:00:00.0000000+00:00', 'affirming', 'inside', 'madrid', '[]', 'old.jwt');
            """);

        using (var store = new BridgeStore(old.Path))
        {
            store.AddVerdict(new StoredVerdict(0, "edge-01", 2, DateTimeOffset.UtcNow, "warning", "inside", "madrid", "[]", "new.jwt")
            {
                GnssAuthenticated = false,
                GnssAuthenticatedSatellites = 2,
            });

            var verdicts = store.Verdicts("edge-01", 0, 10);
            Assert.Equal([("old.jwt", (bool?)null, (int?)null), ("new.jwt", false, 2)],
                verdicts.Select(v => (v.Ear, v.GnssAuthenticated, v.GnssAuthenticatedSatellites)));
        }

        // Opening it again must not try to add the columns a second time.
        using var reopened = new BridgeStore(old.Path);
        Assert.Equal(2, reopened.Verdicts("edge-01", 0, 10).Count);
    }
}
