using System.Collections.Concurrent;

namespace GeoEdge.Hil.Rig.Camara;

/// <summary>Errors queued for the next verify requests, one each, and a delay before every answer.</summary>
internal sealed class ScriptedFaults
{
    private readonly ConcurrentQueue<CamaraError> _failures = new();
    private long _latencyTicks;

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    public void Enqueue(CamaraError failure) => _failures.Enqueue(failure);

    public bool TryTake(out CamaraError failure) => _failures.TryDequeue(out failure!);
}
