namespace GeoEdge.Drivers.Modem;

/// <summary>
/// The byte pipe under an <see cref="AtChannel"/>: writes raw command bytes, yields the modem's
/// output cut into lines (without CR/LF; empty lines may be dropped). <see cref="ReadLinesAsync"/>
/// is enumerated once, for the channel's whole life, concurrently with writes.
/// </summary>
public interface IAtTransport
{
    Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct);

    IAsyncEnumerable<string> ReadLinesAsync(CancellationToken ct);
}
