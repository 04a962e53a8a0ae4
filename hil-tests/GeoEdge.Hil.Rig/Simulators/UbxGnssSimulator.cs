using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;

namespace GeoEdge.Hil.Rig.Simulators;

/// <summary>
/// A u-blox receiver tracking Galileo on the simulator side of a pty pair: it replays a page
/// sequence (an OSNMA test-vector scenario) as UBX, one 2-second page slot after another at
/// <see cref="UbxGnssSimulatorOptions.SpeedFactor"/>: NAV-TIMEGAL, one RXM-SFRBX per satellite, then
/// NAV-PVT, NAV-STATUS, NAV-SAT, SEC-SIG and MON-HW from <see cref="Settings"/>, and optionally NMEA
/// GGA/RMC. Position, used satellites, jamming/spoofing verdicts and forged satellites can change
/// while it runs; the next slot reports them. If the pty goes away it reopens it.
/// <see cref="CurrentSlotStart"/> tells a test the GST being sent, so it can give the agent a matching
/// trusted clock.
/// </summary>
public sealed class UbxGnssSimulator : IAsyncDisposable
{
    private const string Name = "UBX GNSS simulator";
    private readonly string _devicePath;
    private readonly UbxGnssSimulatorOptions _options;
    private readonly Action<string> _log;
    private readonly GalileoPageSlot[] _slots;
    private readonly object _lock = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<byte[]> _garbage = new();
    private SimulatedReceiverSettings _settings;
    private GalileoSystemTime? _currentSlotStart;
    private readonly PacedSender _sender;
    private bool _reachedEnd;
    private long _slotsSent;
    private long _laps;
    private long _reopens;
    private long _dropped;

    /// <exception cref="ArgumentException">The scenario is empty, not in time order, or has a page slot starting on an even second.</exception>
    public UbxGnssSimulator(string devicePath, IReadOnlyList<GalileoPage> scenario, UbxGnssSimulatorOptions? options = null, Action<string>? log = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        ArgumentNullException.ThrowIfNull(scenario);
        _options = options ?? new UbxGnssSimulatorOptions();
        _options.Validate();
        _devicePath = devicePath;
        _log = log ?? (_ => { });
        _sender = new PacedSender(Name, _options.SlotInterval, _log);
        _slots = GalileoPageSlot.Group(scenario).ToArray();
        if (_slots.Length == 0) throw new ArgumentException("the scenario has no pages", nameof(scenario));
        if (_slots.Zip(_slots.Skip(1)).Any(p => p.Second.Start <= p.First.Start))
            throw new ArgumentException("the scenario's pages are not in time order", nameof(scenario));
        if (_slots.FirstOrDefault(s => s.Start.TimeOfWeek % 2 != 1) is { } even)
            throw new ArgumentException($"the page slot at {even.Start} starts on an even second; E1-B pages start on odd TOWs", nameof(scenario));
        SatellitesWithData = scenario.Where(IsNavigationData).Select(p => p.Svid).Distinct().Order().ToArray();
        _settings = new SimulatedReceiverSettings(48.1173, 11.5167, 592.4, 2.5, SatellitesWithData.ToHashSet(),
            JammingState: 1, SpoofingState: 1, JamIndicator: 12, SpoofedSvids: new HashSet<int>());
    }

    /// <summary>Satellites whose pages carry real navigation data (not only dummy words, like E20 in the test vectors): the default used set.</summary>
    public IReadOnlyList<int> SatellitesWithData { get; }

    /// <summary>GST of the scenario's first page.</summary>
    public GalileoSystemTime ScenarioStart => _slots[0].Start;

    /// <summary>GST of the last page of the scenario's last slot.</summary>
    public GalileoSystemTime ScenarioEnd => _slots[^1].Start;

    /// <summary>Page slots in the scenario (each 2 s of GST).</summary>
    public int SlotCount => _slots.Length;

    /// <summary>Start GST of the slot most recently sent (its pages are complete at start + 2 s); null before the first.</summary>
    public GalileoSystemTime? CurrentSlotStart { get { lock (_lock) return _currentSlotStart; } }

    public long SlotsSent => Interlocked.Read(ref _slotsSent);

    /// <summary>Complete passes through the scenario.</summary>
    public long Laps => Interlocked.Read(ref _laps);

    public long Reopens => Interlocked.Read(ref _reopens);

    /// <summary>Slots (or parts) lost because the pty was down or nobody drained it.</summary>
    public long SlotsDropped => Interlocked.Read(ref _dropped);

    /// <summary>Done: the scenario ended without <see cref="UbxGnssSimulatorOptions.Loop"/>, or it was stopped.</summary>
    public bool IsFinished => _sender.IsFinished;

    public SimulatedReceiverSettings Settings { get { lock (_lock) return _settings; } }

    public void SetPosition(double latitude, double longitude, double heightMeters, double horizontalAccuracyMeters = 2.5)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitude), 90, nameof(latitude));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(longitude), 180, nameof(longitude));
        ArgumentOutOfRangeException.ThrowIfNegative(horizontalAccuracyMeters);
        Change(s => s with { Latitude = latitude, Longitude = longitude, HeightMeters = heightMeters, HorizontalAccuracyMeters = horizontalAccuracyMeters });
    }

    public void SetGalileoUsed(IEnumerable<int> svids) => Change(s => s with { GalileoUsed = Svids(svids) });

    /// <summary>SEC-SIG jamming state (0 unknown, 1 none, 2 warning, 3 critical; also MON-HW's state).</summary>
    public void SetJammingState(int state) => Change(s => s with { JammingState = State(state) });

    /// <summary>SEC-SIG spoofing state (0 unknown, 1 none, 2 indicated, 3 affirmed; also NAV-STATUS spoofDetState).</summary>
    public void SetSpoofingState(int state) => Change(s => s with { SpoofingState = State(state) });

    public void SetJamIndicator(byte jamInd) => Change(s => s with { JamIndicator = jamInd });

    /// <summary>From the next slot on, these satellites' ephemeris pages are forged (see <see cref="GalileoNavigationForger"/>).</summary>
    /// <summary>Writes these bytes on the line before the next page slot (line noise, broken frames).</summary>
    public void InjectGarbage(byte[] bytes) => _garbage.Enqueue(bytes.ToArray());

    public void SetSpoofedSvids(IEnumerable<int> svids) => Change(s => s with { SpoofedSvids = Svids(svids) });

    /// <summary>Starts sending on a thread of its own (timing must not depend on a busy thread pool).</summary>
    public Task StartAsync(CancellationToken ct = default)
    {
        var port = new ReopeningSimulatorPort(_devicePath, _options.BaudRate, _options.SlotInterval, Name, _log);
        _sender.Start((sent, token) => SendSlot(port, sent, token), () =>
        {
            _log($"{Name}: {(Volatile.Read(ref _reachedEnd) ? "end of scenario" : "stopped")} after {SlotsSent} slots");
            Interlocked.Exchange(ref _reopens, port.Reopens);
            port.Dispose();
        }, ct);
        return Task.CompletedTask;
    }

    public Task StopAsync() => _sender.StopAsync();

    public ValueTask DisposeAsync() => new(StopAsync());

    private bool SendSlot(ReopeningSimulatorPort port, long sent, CancellationToken ct)
    {
        var index = (int)(sent % _slots.Length);
        if (sent > 0 && index == 0 && !_options.Loop)
        {
            Volatile.Write(ref _reachedEnd, true);
            return false;
        }
        Send(port, _slots[index], ct);
        if (index == _slots.Length - 1) Interlocked.Increment(ref _laps);
        return true;
    }

    private void Send(ReopeningSimulatorPort port, GalileoPageSlot slot, CancellationToken ct)
    {
        var settings = Settings;
        var sent = settings.SpoofedSvids.Count == 0 ? slot
            : slot with { Pages = slot.Pages.Select(p => settings.SpoofedSvids.Contains(p.Svid) ? GalileoNavigationForger.Forge(p) : p).ToArray() };
        var fixTime = _options.FixTimeFromHostClock ? DateTime.UtcNow : slot.End.ToUtc().UtcDateTime;
        var bytes = UbxRecordingWriter.EncodeSlot(sent, (s, iTow) => SimulatedUbxEpoch.Frames(s, iTow, fixTime, settings, _options.GpsSvids));
        lock (_lock) _currentSlotStart = slot.Start;
        while (_garbage.TryDequeue(out var noise)) port.TryWrite(noise, ct);
        var ok = port.TryWrite(bytes, ct);
        if (ok && _options.EmitNmea)
        {
            var used = settings.GalileoUsed.Count(slot.Pages.Select(p => p.Svid).Contains) + _options.GpsSvids.Count;
            foreach (var sentence in SimulatedUbxEpoch.Nmea(fixTime, settings, used)) ok &= port.TryWrite(sentence, ct);
        }
        Interlocked.Exchange(ref _reopens, port.Reopens);
        if (ok) Interlocked.Increment(ref _slotsSent);
        else Interlocked.Increment(ref _dropped);
    }

    private void Change(Func<SimulatedReceiverSettings, SimulatedReceiverSettings> change)
    {
        lock (_lock) _settings = change(_settings);
    }

    private static bool IsNavigationData(GalileoPage page) =>
        page.Bits.Length == GalileoInavPage.PageByteLength && GalileoInavPage.FromPageBytes(page.Bits.Span).WordType != DummyWordType;

    private const int DummyWordType = 63;

    private static HashSet<int> Svids(IEnumerable<int> svids)
    {
        var set = svids.ToHashSet();
        foreach (var svid in set)
            if (svid is < 1 or > GalileoPage.MaxSvid) throw new ArgumentOutOfRangeException(nameof(svids), svid, $"Galileo SVIDs are 1..{GalileoPage.MaxSvid}");
        return set;
    }

    private static int State(int state)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(state);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(state, 3);
        return state;
    }
}
