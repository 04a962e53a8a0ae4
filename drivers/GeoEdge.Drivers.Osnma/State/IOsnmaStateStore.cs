namespace GeoEdge.Drivers.Osnma;

/// <summary>
/// Where the receiver keeps its cryptographic material between runs (verified public key, DSM-KROOTs, latest
/// TESLA key). What comes back from <see cref="Load"/> is never trusted: the receiver re-verifies all of it.
/// </summary>
public interface IOsnmaStateStore
{
    byte[]? Load();

    void Save(ReadOnlySpan<byte> state);
}
