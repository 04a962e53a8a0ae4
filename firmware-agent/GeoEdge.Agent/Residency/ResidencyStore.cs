using GeoEdge.Agent.Measurements;
using GeoEdge.Agent.Logging;
using GeoEdge.Agent.State;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// The latest countersigned result, in memory for the socket and on disk (residency.json, written
/// durably) so that an agent restart serves the last one again at once. Thread-safe: the socket reads
/// while the result recorder replaces.
/// </summary>
public sealed class ResidencyStore
{
    public const string FileName = "residency.json";

    /// <summary>An EAR (at most 64 KiB), a quote and an AK public area fit many times over; a larger file is not ours.</summary>
    private const long MaxFileBytes = 1 << 20;

    private readonly string _path;
    private readonly Lock _lock = new();
    private volatile Served? _latest;

    /// <summary>A proof with its encoded body, so serving it costs no serialisation.</summary>
    public sealed record Served(ResidencyProof Proof, byte[] Body);

    public ResidencyStore(string stateDirectory, string hostId, AgentLog log)
    {
        _path = Path.Combine(stateDirectory, FileName);
        if (!File.Exists(_path)) return;
        try
        {
            var proof = WireJson.Decode<ResidencyProof>(BoundedFile.Read(_path, MaxFileBytes));
            if (proof.HostId != hostId) log.Warn($"'{_path}' is for host '{proof.HostId}', not '{hostId}'; not serving it");
            else _latest = new Served(proof, WireJson.Encode(proof));
        }
        catch (Exception e) when (e is WireFormatException or IOException or UnauthorizedAccessException)
        {
            // Unreadable: serve nothing until the next result rather than something half-read.
            log.Warn($"'{_path}' is unreadable ({e.Message}); nothing is served until the next result");
        }
    }

    public Served? Latest => _latest;

    /// <summary>Replaces the served proof unless one for a later reading is already held (then false).</summary>
    public bool Replace(ResidencyProof proof)
    {
        var body = WireJson.Encode(proof);
        lock (_lock)
        {
            if (_latest is { } current && proof.Seq < current.Proof.Seq) return false;
            DurableFile.Write(_path, body);
            _latest = new Served(proof, body);
            return true;
        }
    }
}
