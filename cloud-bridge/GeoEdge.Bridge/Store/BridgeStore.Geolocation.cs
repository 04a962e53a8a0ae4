namespace GeoEdge.Bridge.Store;

public sealed partial class BridgeStore
{
    /// <summary>The operator's geolocation settings for the host; defaults (nothing set) when none were stored.</summary>
    public HostGeolocation GetGeolocation(string hostId)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT phone_number, stationary_tolerance_m, anchor_lat, anchor_lon FROM host_geolocation WHERE host_id = $h", ("$h", hostId));
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return HostGeolocation.None;
            return new HostGeolocation(
                r.IsDBNull(0) ? null : r.GetString(0),
                r.IsDBNull(1) ? null : r.GetDouble(1),
                r.IsDBNull(2) || r.IsDBNull(3) ? null : new GeoAnchor(r.GetDouble(2), r.GetDouble(3)));
        }
    }

    /// <summary>Replaces the host's geolocation settings (the caller has validated them).</summary>
    public void SetGeolocation(string hostId, HostGeolocation settings)
    {
        lock (_lock)
        {
            Execute("""
                INSERT INTO host_geolocation VALUES ($h, $phone, $tol, $lat, $lon)
                ON CONFLICT(host_id) DO UPDATE SET phone_number = $phone, stationary_tolerance_m = $tol, anchor_lat = $lat, anchor_lon = $lon
                """,
                ("$h", hostId), ("$phone", settings.PhoneNumber), ("$tol", settings.StationaryToleranceMeters),
                ("$lat", settings.Anchor?.Latitude), ("$lon", settings.Anchor?.Longitude));
        }
    }

    /// <summary>
    /// Anchors a stationary host where it was first located, unless it already has an anchor (the
    /// operator's, or an earlier one): returns whether this call set it.
    /// </summary>
    public bool AnchorIfUnset(string hostId, GeoAnchor anchor)
    {
        lock (_lock)
        {
            Execute("""
                UPDATE host_geolocation SET anchor_lat = $lat, anchor_lon = $lon
                WHERE host_id = $h AND stationary_tolerance_m IS NOT NULL AND (anchor_lat IS NULL OR anchor_lon IS NULL)
                """, ("$h", hostId), ("$lat", anchor.Latitude), ("$lon", anchor.Longitude));
            return Scalar<long>("SELECT changes()") > 0;
        }
    }

    /// <summary>The host's last usable composite location (grade above F), or null.</summary>
    public LastLocation? GetLastLocation(string hostId)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT latitude, longitude, radius_m, located_at FROM host_location WHERE host_id = $h", ("$h", hostId));
            using var r = cmd.ExecuteReader();
            return r.Read() ? new LastLocation(r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), ParseIso(r.GetString(3))) : null;
        }
    }

    /// <summary>Records the host's location unless a later one is already recorded (a held-back reading arrives late).</summary>
    public void SetLastLocation(string hostId, LastLocation location)
    {
        lock (_lock)
        {
            Execute("""
                INSERT INTO host_location VALUES ($h, $lat, $lon, $r, $at)
                ON CONFLICT(host_id) DO UPDATE SET latitude = $lat, longitude = $lon, radius_m = $r, located_at = $at
                WHERE host_location.located_at <= $at
                """,
                ("$h", hostId), ("$lat", location.Latitude), ("$lon", location.Longitude), ("$r", location.RadiusMeters), ("$at", Iso(location.Time)));
        }
    }
}

/// <summary>A fixed point: where a stationary host was installed.</summary>
public sealed record GeoAnchor(double Latitude, double Longitude);

/// <summary>
/// What the operator told the bridge about a host's location: its SIM's phone number (E.164), which the
/// operator's network is asked about, and, for a host that must not move, the tolerance around its anchor.
/// </summary>
public sealed record HostGeolocation(string? PhoneNumber, double? StationaryToleranceMeters, GeoAnchor? Anchor)
{
    public static HostGeolocation None { get; } = new(null, null, null);
}

/// <summary>A host's last usable composite location, for GL's plausibility over time.</summary>
public sealed record LastLocation(double Latitude, double Longitude, double RadiusMeters, DateTimeOffset Time);
