using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using GeoEdge.Hil.Rig.Processes;

namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// An LTE/5G module (Quectel EC25, BG96, RM500Q or SIMCom SIM7600, see <see cref="ModemProfile"/>) on the simulator side of
/// a pty pair: it answers AT commands as they arrive and sends URCs when a test changes its SIM or cell. One thread of its
/// own owns the line, so a URC is never written inside a response. If the pty goes away it opens it again, like a module
/// whose USB link came back; the host closing and reopening its end costs nothing (socat keeps both ends).
/// The scripting methods (<see cref="RemoveSim"/>, <see cref="SetCell"/>, ...) and the counters may be used from any thread.
/// </summary>
public sealed class ModemSimulator : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly ModemSimulatorOptions _options;
    private readonly Action<string> _log;
    private readonly object _gate = new();
    private readonly ModemCore _core;
    private readonly Queue<(long Due, string Text)> _urcs = new();
    private readonly ConcurrentQueue<byte[]> _garbage = new();
    private readonly ConcurrentDictionary<string, long> _answered = new(StringComparer.Ordinal);
    private readonly ReopeningSimulatorPort _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _silent;
    private long _garbageLines;
    private long _ignoredWhileSilent;
    private long _urcsSent;
    private long _urcsDropped;

    private ModemSimulator(string path, ModemProfile profile, SimulatedModemState initial, ModemSimulatorOptions options, Action<string> log)
    {
        Profile = profile;
        _options = options;
        _log = log;
        _core = new ModemCore(profile, initial);
        _port = new ReopeningSimulatorPort(path, options.BaudRate, options.WriteTimeout, "modem simulator", log);
    }

    /// <summary>
    /// Powers the module up on <paramref name="simulatorPtyPath"/> (the pty pair's simulator end): once the pty is open
    /// it sends "RDY" and the SIM's +CPIN state after <see cref="ModemSimulatorOptions.UrcDelay"/>, then answers.
    /// </summary>
    /// <exception cref="ArgumentException">The state is invalid or its cell uses a technology the profile lacks.</exception>
    /// <exception cref="RigException">The pty did not open within <see cref="ModemSimulatorOptions.OpenTimeout"/>.</exception>
    public static async Task<ModemSimulator> StartAsync(string simulatorPtyPath, ModemProfile profile, SimulatedModemState initial,
        ModemSimulatorOptions? options = null, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(simulatorPtyPath);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(initial);
        options ??= new ModemSimulatorOptions();
        options.Validate();
        initial.Validate();
        RequireSupported(profile, initial.Cell);
        var simulator = new ModemSimulator(simulatorPtyPath, profile, initial, options, log ?? (_ => { }));
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() => simulator.Run(opened)) { IsBackground = true, Name = $"modem simulator ({profile.Name})" }.Start();
        var first = await Task.WhenAny(opened.Task, Task.Delay(options.OpenTimeout));
        if (first != opened.Task)
        {
            await simulator.DisposeAsync();
            throw new RigException($"modem simulator: {simulatorPtyPath} did not open within {options.OpenTimeout.TotalSeconds:0.#} s");
        }
        return simulator;
    }

    public ModemProfile Profile { get; }

    public SimulatedModemState State { get { lock (_gate) return _core.State; } }

    /// <summary>True while the module ignores everything (<see cref="GoSilent"/>).</summary>
    public bool IsSilent => _silent;

    /// <summary>Commands answered (with any result), by counter key: "AT", "ATI", "ATE", "AT+CIMI", "AT+QENG", ...</summary>
    public IReadOnlyDictionary<string, long> CommandsAnswered => new Dictionary<string, long>(_answered, StringComparer.Ordinal);

    /// <summary>How many times the command with this key ("AT+CIMI") was answered.</summary>
    public long AnsweredCount(string key) => _answered.TryGetValue(key, out var count) ? count : 0;

    /// <summary>Lines that were no command (no "AT", control bytes) or too long, each answered ERROR.</summary>
    public long GarbageLinesAnswered => Interlocked.Read(ref _garbageLines);

    /// <summary>Lines received and dropped while silent.</summary>
    public long LinesIgnoredWhileSilent => Interlocked.Read(ref _ignoredWhileSilent);

    public long UrcsSent => Interlocked.Read(ref _urcsSent);

    /// <summary>URCs that came due while silent (a hung module says nothing) or could not be written.</summary>
    public long UrcsDropped => Interlocked.Read(ref _urcsDropped);

    /// <summary>Times the pty was opened again after losing it.</summary>
    public long Reopens => _port.Reopens;

    /// <summary>The SIM is pulled: "+CPIN: NOT READY" (and "+QSIMSTAT: 1,0" if the host enabled it), registration lost.</summary>
    public void RemoveSim() => Change(s => s with { Sim = null });

    /// <summary>A SIM is inserted: "+CPIN: READY" (or SIM PIN), then registration on the current cell.</summary>
    public void InsertSim(SimulatedSim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        sim.Validate();
        Change(s => s with { Sim = sim });
    }

    /// <summary>The SIM is replaced by another: the removal's URCs, then the insertion's, in that order.</summary>
    public void SwapSim(SimulatedSim sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        sim.Validate();
        lock (_gate)
        {
            _core.ChangeState(_core.State with { Sim = null });
            _core.ChangeState(_core.State with { Sim = sim });
            ScheduleUrcs();
        }
    }

    /// <summary>The module camps on another cell (handover, or service back); +CEREG/+C5GREG report it if enabled.</summary>
    /// <exception cref="ArgumentException">The cell is invalid or uses a technology this module lacks.</exception>
    public void SetCell(SimulatedCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.Validate();
        RequireSupported(Profile, cell);
        Change(s => s with { Cell = cell });
    }

    /// <summary>Coverage is lost: no cell, registration "searching" (stat 2), AT+COPS? "+COPS: 0".</summary>
    public void LoseService() => Change(s => s with { Cell = null });

    /// <summary>Power cycle: volatile settings back to defaults (echo on, CMEE 1, no reports), pending URCs lost, "RDY" again.</summary>
    public void PowerCycle()
    {
        lock (_gate)
        {
            _urcs.Clear();
            _core.PowerUp();
            ScheduleUrcs();
        }
    }

    /// <summary>While silent the module reads and drops every command and sends no URC, like a hung module; the host must time out.</summary>
    public void GoSilent(bool silent) => _silent = silent;

    /// <summary>Writes these bytes on the line at the next chance between responses (line noise, a stray binary burst).</summary>
    public void InjectGarbage(ReadOnlyMemory<byte> bytes) => _garbage.Enqueue(bytes.ToArray());

    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested) _stop.Cancel();
        await _finished.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private static void RequireSupported(ModemProfile profile, SimulatedCell? cell)
    {
        if (cell is not null && !profile.Techs.Contains(cell.Tech))
            throw new ArgumentException($"{profile.Name} cannot camp on a {cell.Tech} cell (it supports {string.Join(", ", profile.Techs)})", nameof(cell));
    }

    private void Change(Func<SimulatedModemState, SimulatedModemState> change)
    {
        lock (_gate)
        {
            _core.ChangeState(change(_core.State));
            ScheduleUrcs();
        }
    }

    /// <summary>Queues the core's new URCs to go out after the URC delay. Caller holds the gate.</summary>
    private void ScheduleUrcs()
    {
        var due = Stopwatch.GetTimestamp() + (long)(_options.UrcDelay.TotalSeconds * Stopwatch.Frequency);
        foreach (var urc in _core.TakeUrcs()) _urcs.Enqueue((due, urc));
    }

    private void Run(TaskCompletionSource opened)
    {
        var ct = _stop.Token;
        var reader = new CommandLineReader(_options.MaxCommandLength);
        var buffer = new byte[1024];
        var lines = new List<CommandLine>();
        try
        {
            lock (_gate)
            {
                _core.PowerUp();
                ScheduleUrcs();
            }
            while (!ct.IsCancellationRequested)
            {
                var count = _port.Read(buffer, PollInterval, ct);
                if (_port.TakeOpened())
                {
                    reader.Reset();
                    opened.TrySetResult();
                }
                reader.Feed(buffer.AsSpan(0, count), lines);
                foreach (var line in lines) Answer(line, ct);
                lines.Clear();
                WriteGarbage(ct);
                WriteDueUrcs(ct);
            }
            _finished.TrySetResult();
        }
        catch (OperationCanceledException)
        {
            _finished.TrySetResult();
        }
        catch (Exception e)
        {
            _log($"modem simulator stopped by an unexpected error: {e}");
            _finished.TrySetException(e);
        }
        finally
        {
            _port.Dispose();
        }
    }

    private void Answer(CommandLine line, CancellationToken ct)
    {
        if (_silent)
        {
            Interlocked.Increment(ref _ignoredWhileSilent);
            return;
        }
        string? key;
        string output;
        lock (_gate)
        {
            (key, output) = line.Overlong ? (null, _core.AnswerOverlong()) : _core.Answer(line.Text);
            ScheduleUrcs();
        }
        _port.TryWrite(Encoding.Latin1.GetBytes(output), ct);
        if (key is null) Interlocked.Increment(ref _garbageLines);
        else _answered.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    private void WriteGarbage(CancellationToken ct)
    {
        while (_garbage.TryDequeue(out var bytes)) _port.TryWrite(bytes, ct);
    }

    private void WriteDueUrcs(CancellationToken ct)
    {
        var now = Stopwatch.GetTimestamp();
        var due = new List<string>();
        lock (_gate)
            while (_urcs.TryPeek(out var urc) && urc.Due <= now) due.Add(_urcs.Dequeue().Text);
        foreach (var urc in due)
        {
            if (!_silent && _port.TryWrite(Encoding.Latin1.GetBytes($"\r\n{urc}\r\n"), ct)) Interlocked.Increment(ref _urcsSent);
            else Interlocked.Increment(ref _urcsDropped);
        }
    }
}
