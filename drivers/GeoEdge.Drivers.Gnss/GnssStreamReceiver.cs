using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;
using GeoEdge.Drivers.Serial;

namespace GeoEdge.Drivers.Gnss;

/// <summary>
/// A u-blox receiver on a serial line that sends NMEA and UBX interleaved. Bytes from a
/// <see cref="ReconnectingSerialByteSource"/> are split by <see cref="GnssStreamDemultiplexer"/>:
/// NMEA lines feed <see cref="Tracker"/>; UBX status messages (NAV-PVT, NAV-SAT, NAV-STATUS,
/// SEC-SIG, MON-HW, NAV-TIMEGAL) update <see cref="State"/>; UBX-RXM-SFRBX subframes become Galileo
/// pages through <see cref="GalileoPageAssembler"/> and go to the page callback on the reading thread,
/// in arrival order. A callback that throws is logged and counted; reading goes on. Malformed device
/// data is counted, never thrown. <see cref="State"/>, <see cref="Statistics"/> and <see cref="Tracker"/>
/// may be read from any thread while it runs.
/// </summary>
public sealed class GnssStreamReceiver
{
    private readonly Action<GalileoPage>? _onPage;
    private readonly Action<string> _log;
    private readonly GnssStreamDemultiplexer _demultiplexer = new();
    private readonly GalileoPageAssembler _assembler;
    private readonly object _lock = new();
    private GnssReceiverState _state = GnssReceiverState.Empty;
    private long _malformed;
    private long _pages;
    private long _callbackFailures;
    private string? _lastUbxError;

    public GnssStreamReceiver(string devicePath, int baudRate, Action<GalileoPage>? onPage = null, Action<string>? log = null,
        SerialByteSourceOptions? options = null, TimeSpan? maxGalileoTimeAge = null)
    {
        _onPage = onPage;
        _log = log ?? (_ => { });
        _assembler = new GalileoPageAssembler(maxGalileoTimeAge);
        Source = new ReconnectingSerialByteSource(devicePath, baudRate, log, options);
    }

    public ReconnectingSerialByteSource Source { get; }

    public GnssFixTracker Tracker { get; } = new();

    public GnssReceiverState State { get { lock (_lock) return _state; } }

    /// <summary>What was wrong with the latest malformed UBX payload, for diagnostics.</summary>
    public string? LastUbxError { get { lock (_lock) return _lastUbxError; } }

    /// <summary>A snapshot; the stream counters are read without stopping the reading thread, so they may be a message apart.</summary>
    public GnssStreamStatistics Statistics => new(
        Source.BytesRead, _demultiplexer.UbxFrames, _demultiplexer.NmeaLines, _demultiplexer.BadUbxChecksums, _demultiplexer.DiscardedBytes,
        Interlocked.Read(ref _malformed), Interlocked.Read(ref _pages), _assembler.PagesWithBadCrc, Interlocked.Read(ref _callbackFailures),
        _assembler.RejectionCounts);

    /// <summary>Reads the device until <paramref name="ct"/> is cancelled, then ends with <see cref="OperationCanceledException"/>.</summary>
    public Task RunAsync(CancellationToken ct) => Source.RunAsync(Feed, OnConnected, ct);

    /// <summary>
    /// Processes bytes as if read from the device (replaying a capture, tests). Call from one thread
    /// at a time, and not while <see cref="RunAsync"/> runs.
    /// </summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var item in _demultiplexer.Feed(bytes))
        {
            switch (item)
            {
                case NmeaLineItem { Line: var line }:
                    Tracker.Feed(line);
                    break;
                case UbxStreamItem { Frame: var frame }:
                    Handle(frame);
                    break;
            }
        }
    }

    /// <summary>A new connection: half a frame from the old one, and its time, no longer apply.</summary>
    private void OnConnected()
    {
        _demultiplexer.Reset();
        _assembler.ResetTime();
    }

    private void Handle(UbxFrame frame)
    {
        try
        {
            UpdateState(frame);
        }
        catch (UbxFormatException e)
        {
            Interlocked.Increment(ref _malformed);
            lock (_lock) _lastUbxError = e.Message;
        }
        if (_assembler.Feed(frame) is { } page) Deliver(page);
    }

    private void UpdateState(UbxFrame frame)
    {
        var p = frame.Payload;
        switch ((frame.Class, frame.Id))
        {
            case (UbxNavPvt.Class, UbxNavPvt.Id):
                Update(s => s with { Pvt = UbxNavPvt.Decode(p) });
                break;
            case (UbxNavSat.Class, UbxNavSat.Id):
                Update(s => s with { Satellites = UbxNavSat.Decode(p) });
                break;
            case (UbxNavStatus.Class, UbxNavStatus.Id):
                Update(s => s with { NavStatus = UbxNavStatus.Decode(p) });
                break;
            case (UbxSecSig.Class, UbxSecSig.Id):
                Update(s => s with { Security = UbxSecSig.Decode(p) });
                break;
            case (UbxMonHw.Class, UbxMonHw.Id):
                Update(s => s with { Hardware = UbxMonHw.Decode(p) });
                break;
            case (UbxNavTimeGal.Class, UbxNavTimeGal.Id):
                Update(s => s with { GalileoTime = UbxNavTimeGal.Decode(p) });
                break;
        }
    }

    /// <summary>
    /// Decodes outside the lock (the decoder may throw) and swaps under it. Only the reading thread
    /// writes, so no update can be lost between the read and the swap.
    /// </summary>
    private void Update(Func<GnssReceiverState, GnssReceiverState> change)
    {
        var next = change(State);
        lock (_lock) _state = next;
    }

    private void Deliver(GalileoPage page)
    {
        Interlocked.Increment(ref _pages);
        if (_onPage is null) return;
        try
        {
            _onPage(page);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _callbackFailures);
            _log($"Galileo page callback failed on E{page.Svid:00} {page.Start}: {e.GetType().Name}: {e.Message}");
        }
    }
}
