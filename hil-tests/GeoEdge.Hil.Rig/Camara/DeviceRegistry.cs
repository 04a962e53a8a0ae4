namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// The network's knowledge of its subscribers, scripted by tests from any thread. A device is
/// unknown (404), known but not locatable (422 UNABLE_TO_LOCATE) or located: at a fixed time (the
/// fix ages and can fail a maxAge), or tracked live (every query gets a fresh fix).
/// </summary>
internal sealed class DeviceRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DeviceFix?> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _verdicts = new(StringComparer.Ordinal);

    public void Locate(string phoneNumber, DeviceFix fix)
    {
        lock (_gate) _devices[phoneNumber] = fix;
    }

    public void MakeUnlocatable(string phoneNumber)
    {
        lock (_gate) _devices[phoneNumber] = null;
    }

    public void Forget(string phoneNumber)
    {
        lock (_gate) _devices.Remove(phoneNumber);
    }

    /// <summary>False when the subscriber is unknown; a null fix when it cannot be located.</summary>
    public bool TryFind(string phoneNumber, out DeviceFix? fix)
    {
        lock (_gate) return _devices.TryGetValue(phoneNumber, out fix);
    }

    public void CountVerdict(string phoneNumber)
    {
        lock (_gate) _verdicts[phoneNumber] = _verdicts.GetValueOrDefault(phoneNumber) + 1;
    }

    public int VerdictsFor(string phoneNumber)
    {
        lock (_gate) return _verdicts.GetValueOrDefault(phoneNumber);
    }
}

/// <summary>Where the network places a device; <see cref="At"/> null means tracked live.</summary>
internal sealed record DeviceFix(double Latitude, double Longitude, double AccuracyMeters, DateTimeOffset? At);
