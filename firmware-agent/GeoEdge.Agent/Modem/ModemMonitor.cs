using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Modem;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Modem;

/// <summary>
/// Reads the modem and SIM every <see cref="ModemConfig.PollSeconds"/>, and at once when the modem
/// announces a SIM or registration change (URC), so a pulled SIM is in the next reading. The cycle
/// takes the latest report; the agent reports, the bridge judges.
/// </summary>
public sealed class ModemMonitor(ModemConfig config, AgentLog log)
{
    private static readonly string[] StateChangeUrcs = ["+CPIN:", "+QSIMSTAT:", "+CEREG:", "+C5GREG:", "+CREG:", "RDY"];
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TaskCompletionSource<ModemSnapshot> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private ModemSnapshot? _latest;
    private string? _lastProblems;

    /// <summary>The latest read as the reading's modem report; null before the first read.</summary>
    public ModemReport? Report()
    {
        lock (_lock) return _latest is null ? null : ModemReports.From(_latest);
    }

    /// <summary>The first complete read, or null if none came within <paramref name="timeout"/> (enrollment waits for it).</summary>
    public async Task<ModemSnapshot?> FirstAsync(TimeSpan timeout, CancellationToken ct)
    {
        var done = await Task.WhenAny(_first.Task, Task.Delay(timeout, ct));
        return done == _first.Task ? _first.Task.Result : null;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var device = config.Device!;
        await using var channel = new AtChannel(new SerialAtTransport(device, config.BaudRate, log: m => log.Info(m)),
            new AtChannelOptions { DefaultTimeout = TimeSpan.FromSeconds(config.CommandTimeoutSeconds), Log = m => log.Warn(m) });
        channel.Unsolicited += line =>
        {
            if (!StateChangeUrcs.Any(p => line.StartsWith(p, StringComparison.Ordinal))) return;
            try { _wake.Release(); }
            catch (SemaphoreFullException) { } // a wake-up is already pending
        };
        using var simDetect = OpenSimDetect();
        var reader = new ModemReader(channel, simDetect);
        log.Info($"modem on {device} at {config.BaudRate} baud, read every {config.PollSeconds} s");
        while (!ct.IsCancellationRequested)
        {
            try
            {
                Publish(await reader.ReadAsync(ct));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (AtException e)
            {
                log.Warn($"modem read failed: {e.Message}");
            }
            try
            {
                await _wake.WaitAsync(TimeSpan.FromSeconds(config.PollSeconds), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private void Publish(ModemSnapshot snapshot)
    {
        lock (_lock) _latest = snapshot;
        _first.TrySetResult(snapshot);
        // Log problems when they change, not every poll.
        var problems = string.Join("; ", snapshot.Problems);
        if (problems == _lastProblems) return;
        _lastProblems = problems;
        if (problems.Length > 0) log.Warn($"modem: {problems}");
        log.Info($"modem: SIM {snapshot.Sim}, IMEI {snapshot.Imei ?? "-"}, ICCID {snapshot.Iccid ?? "-"}, cell {snapshot.Cell?.Plmn ?? "-"}/{snapshot.Cell?.CellId.ToString() ?? "-"}");
    }

    private GpiodSimDetectLine? OpenSimDetect()
    {
        if (config.SimDetect is not { } line) return null;
        try
        {
            return new GpiodSimDetectLine(line.Chip, line.Line, line.ActiveLow);
        }
        catch (SimDetectException e)
        {
            log.Warn($"SIM-detect line unavailable, relying on +CPIN alone: {e.Message}");
            return null;
        }
    }
}
