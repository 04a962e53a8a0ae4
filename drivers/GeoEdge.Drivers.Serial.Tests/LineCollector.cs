using System.Threading.Channels;

namespace GeoEdge.Drivers.Serial.Tests;

/// <summary>Runs a line source in the background and hands its lines to the test one by one.</summary>
internal sealed class LineCollector : IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    private LineCollector(ReconnectingSerialLineSource source) => _pump = Task.Run(() => PumpAsync(source));

    public static LineCollector Start(ReconnectingSerialLineSource source) => new(source);

    public async Task<string?> NextAsync(TimeSpan timeout, bool throwOnTimeout = true)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!throwOnTimeout)
        {
            return null;
        }
    }

    private async Task PumpAsync(ReconnectingSerialLineSource source)
    {
        try
        {
            await foreach (var line in source.ReadLinesAsync(_stop.Token)) _lines.Writer.TryWrite(line);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _pump;
        _stop.Dispose();
    }
}
