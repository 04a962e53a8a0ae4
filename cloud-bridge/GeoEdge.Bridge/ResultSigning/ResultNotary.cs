using System.Text;
using GeoEdge.Bridge.Store;
using GeoEdge.Timestamping;
using GeoEdge.Transparency;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.ResultSigning;

/// <summary>
/// What makes an issued result checkable later by anyone: its EAR appended to the transparency log (always;
/// a log that cannot take it stops the result, so no result is published that the log does not hold) and an
/// RFC 3161 timestamp over SHA-256 of the EAR from the configured TSA (when one is configured; a TSA that fails
/// leaves the result without a token and is logged, since the EAR's own iat and the log still stand).
/// </summary>
public sealed class ResultNotary(TransparencyLog log, TimestampClient? tsa, BridgeStore store, ILogger<ResultNotary> logger)
{
    public async Task<ResultMessage> NotarizeAsync(ResultMessage result, long verdictId, CancellationToken ct)
    {
        var ear = Encoding.ASCII.GetBytes(result.Ear);
        var timestamp = await TimestampAsync(result, ear, ct);
        var index = log.Append(ear);
        store.AttachNotarization(verdictId, index, timestamp);
        return result with { LogIndex = index, EarTimestamp = timestamp };
    }

    private async Task<byte[]?> TimestampAsync(ResultMessage result, byte[] ear, CancellationToken ct)
    {
        if (tsa is null) return null;
        try
        {
            return (await tsa.TimestampAsync(ear, ct)).Token;
        }
        catch (TimestampException e)
        {
            logger.LogWarning("host {Host} seq {Seq}: result issued without a timestamp: the TSA at {Tsa} failed: {Reason}",
                result.HostId, result.Seq, tsa.Url, e.Message);
            return null;
        }
    }
}
