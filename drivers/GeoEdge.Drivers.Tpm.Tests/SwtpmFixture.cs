using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Tpm;

namespace GeoEdge.Drivers.Tpm.Tests;

/// <summary>
/// One manufactured swtpm per test class (xunit class fixture): manufacturing with key generation
/// takes a second or two, so the tests of a class share it, and each class gets a fresh TPM so that
/// classes can run in parallel without seeing each other's objects.
/// </summary>
public sealed class SwtpmFixture : IAsyncLifetime
{
    private readonly List<string> _progress = [];
    private RigDirectory? _directory;
    private SwtpmRig? _rig;

    public SwtpmRig Rig => _rig ?? throw new InvalidOperationException("the swtpm fixture is not started");

    public IReadOnlyList<string> Progress
    {
        get { lock (_progress) return _progress.ToArray(); }
    }

    public async Task InitializeAsync()
    {
        _directory = new RigDirectory("tpm");
        _rig = await SwtpmRig.StartAsync(_directory, line => { lock (_progress) _progress.Add(line); });
    }

    public TpmDevice Open() => TpmDevice.Open(Rig.Tcti);

    /// <summary>No resource manager on swtpm: after a test every transient object and session must be gone.</summary>
    public void AssertNothingLoaded()
    {
        using var device = Open();
        Assert.Empty(device.GetTransientHandles());
        Assert.Empty(device.GetLoadedSessionHandles());
    }

    public Task DisposeAsync()
    {
        _rig?.Dispose();
        _directory?.Dispose();
        return Task.CompletedTask;
    }
}
