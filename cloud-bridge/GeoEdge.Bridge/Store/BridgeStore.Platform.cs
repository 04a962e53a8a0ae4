using System.Text.Json;
using GeoEdge.Bridge.Verification;

namespace GeoEdge.Bridge.Store;

public sealed partial class BridgeStore
{
    /// <summary>The host's platform state, or null when none was recorded yet.</summary>
    public PlatformState? GetPlatformState(string hostId)
    {
        lock (_lock)
        {
            using var cmd = Command("""
                SELECT reset_count, boot_pcrs, boot_log_sha256, boot_findings, secure_boot, ima_entries, ima_sha1, ima_sha256,
                       agent_measured, ima_failures
                FROM platform_state WHERE host_id = $h
                """, ("$h", hostId));
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            return new PlatformState(hostId, (uint)r.GetInt64(0))
            {
                BootPcrs = r.IsDBNull(1) ? null : r.GetString(1),
                BootLogSha256 = r.IsDBNull(2) ? null : r.GetString(2),
                BootFindings = Findings(r.GetString(3)),
                SecureBoot = r.IsDBNull(4) ? null : r.GetInt64(4) != 0,
                ImaEntries = r.GetInt32(5),
                ImaSha1 = (byte[])r[6],
                ImaSha256 = (byte[])r[7],
                AgentMeasured = r.GetInt64(8) != 0,
                ImaFailures = Findings(r.GetString(9)),
            };
        }
    }

    /// <summary>Writes the platform state inside the caller's transaction (with the reading it came from).</summary>
    private void SavePlatformState(PlatformState s)
    {
        Execute("""
            INSERT INTO platform_state VALUES ($h, $reset, $pcrs, $log, $bf, $sb, $n, $s1, $s256, $agent, $if)
            ON CONFLICT(host_id) DO UPDATE SET reset_count = $reset, boot_pcrs = $pcrs, boot_log_sha256 = $log,
                boot_findings = $bf, secure_boot = $sb, ima_entries = $n, ima_sha1 = $s1, ima_sha256 = $s256,
                agent_measured = $agent, ima_failures = $if
            """,
            ("$h", s.HostId), ("$reset", (long)s.ResetCount), ("$pcrs", s.BootPcrs), ("$log", s.BootLogSha256),
            ("$bf", Json(s.BootFindings)), ("$sb", s.SecureBoot is { } sb ? (sb ? 1 : 0) : null), ("$n", s.ImaEntries),
            ("$s1", s.ImaSha1), ("$s256", s.ImaSha256), ("$agent", s.AgentMeasured ? 1 : 0), ("$if", Json(s.ImaFailures)));
    }

    private static string Json(IReadOnlyList<AppraisalFinding> findings) =>
        JsonSerializer.Serialize(findings.ToList(), BridgeJsonContext.Default.ListAppraisalFinding);

    private static IReadOnlyList<AppraisalFinding> Findings(string json) =>
        JsonSerializer.Deserialize(json, BridgeJsonContext.Default.ListAppraisalFinding) ?? [];
}
