using GeoEdge.Wire;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Agent.State;

/// <summary>
/// The last nonce epoch received from the bridge, kept on disk so an agent that restarts while the
/// broker is unreachable can go on making readings at once. The bridge accepts such readings,
/// flagged late, as long as the epoch is within its late-reading window.
/// </summary>
public sealed class EpochStore(string stateDirectory)
{
    private readonly string _path = Path.Combine(stateDirectory, "epoch.json");

    public NonceEpoch? Load()
    {
        if (!File.Exists(_path)) return null;
        try
        {
            return WireJson.Decode<NonceEpoch>(File.ReadAllBytes(_path));
        }
        catch (WireFormatException)
        {
            return null; // unreadable: wait for the bridge's next epoch instead
        }
    }

    public void Save(NonceEpoch epoch) => DurableFile.Write(_path, WireJson.Encode(epoch));
}
