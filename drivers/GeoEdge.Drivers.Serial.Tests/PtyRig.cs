using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Serial;

namespace GeoEdge.Drivers.Serial.Tests;

/// <summary>A rig directory with a socat pty pair in it; both go away on dispose.</summary>
internal sealed class PtyRig : IDisposable
{
    private readonly RigDirectory _directory;

    public PtyPair Pair { get; }

    private PtyRig(RigDirectory directory, PtyPair pair)
    {
        _directory = directory;
        Pair = pair;
    }

    public static async Task<PtyRig> StartAsync(string purpose)
    {
        var directory = new RigDirectory(purpose);
        try
        {
            return new PtyRig(directory, await PtyPair.StartAsync(directory.Path));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Pair.Dispose();
        _directory.Dispose();
    }
}
