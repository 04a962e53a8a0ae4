using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Gnss;

/// <summary>
/// The agent's OSNMA verifier: fed every Galileo page the receiver hands over, asked at each cycle what it
/// has authenticated. Times of authentication are GST on the trusted clock; readings carry them as host UTC
/// (the trusted clock's distance from them, taken back from the host's now), so that a simulated sky and a
/// real one read the same to the bridge.
/// </summary>
public sealed class OsnmaVerification
{
    private readonly OsnmaReceiver _receiver;
    private readonly ITrustedClock _clock;
    private readonly string _timeSource;
    private readonly TimeSpan _maxError;

    private OsnmaVerification(OsnmaReceiver receiver, ITrustedClock clock, string timeSource, TimeSpan maxError)
    {
        _receiver = receiver;
        _clock = clock;
        _timeSource = timeSource;
        _maxError = maxError;
    }

    public OsnmaReceiver Receiver => _receiver;

    /// <summary>
    /// The verifier the configuration asks for, or null when OSNMA is disabled or its trust anchor cannot be
    /// read: the agent then still reports fixes, which the bridge will not count as authenticated.
    /// </summary>
    public static OsnmaVerification? Create(OsnmaConfig config, string stateDirectory, AgentLog log, TimeProvider? time = null)
    {
        if (!config.Enabled)
        {
            log.Info("osnma: disabled by configuration; fixes will not count as authenticated");
            return null;
        }
        OsnmaTrustAnchors anchors;
        try
        {
            anchors = OsnmaTrustAnchors.FromFiles(config.MerkleTree, config.PublicKey);
        }
        catch (Exception e) when (e is OsnmaFormatException or IOException or UnauthorizedAccessException)
        {
            log.Error($"osnma: cannot load the trust anchor ({e.Message}); running without OSNMA, fixes will not count as authenticated");
            return null;
        }
        var maxError = TimeSpan.FromSeconds(config.MaxTimeErrorSeconds);
        ITrustedClock clock = config.TrustedTime == TrustedTimeSources.Simulation
            ? new SimulatedTrustedClock(Gst(config.SimulationAnchorGst!), config.SimulationAnchorUtc!.Value, config.SimulationSpeed, maxError, time)
            : new SystemTrustedClock(maxError, time);
        var store = new FileOsnmaStateStore(config.StateFile ?? Path.Combine(stateDirectory, "osnma-state.bin"));
        var events = new OsnmaEventLog(log, time);
        var receiver = new OsnmaReceiver(anchors, new OsnmaOptions(), clock, store, events.Write);
        log.Info($"osnma: verifying Galileo navigation data; start {receiver.Status.StartMode.ToString().ToLowerInvariant()}, trusted time {config.TrustedTime} (max error {config.MaxTimeErrorSeconds} s)");
        return new OsnmaVerification(receiver, clock, config.TrustedTime, maxError);
    }

    public void OnPage(GalileoPage page) => _receiver.Process(page);

    /// <summary>The verifier's state as a reading reports it.</summary>
    public OsnmaState State()
    {
        var status = _receiver.Status;
        return new OsnmaState
        {
            Nmas = status.Nmas switch
            {
                OsnmaNmaStatus.Operational => OsnmaNmas.Operational,
                OsnmaNmaStatus.Test => OsnmaNmas.Test,
                OsnmaNmaStatus.DontUse => OsnmaNmas.DontUse,
                _ => null,
            },
            ChainId = status.ChainId,
            PublicKeyId = status.PublicKeyId,
            StartMode = status.StartMode.ToString().ToLowerInvariant(),
            AlertReceived = status.AlertReceived,
            TimeSource = _timeSource,
            TimeMaxErrorSeconds = _maxError.TotalSeconds,
        };
    }

    /// <summary>What OSNMA says of each Galileo satellite, by SVID, with times as host UTC.</summary>
    public IReadOnlyDictionary<int, GalileoOsnmaRecord> Records(DateTimeOffset hostNow)
    {
        var trustedNow = _clock.Now();
        DateTimeOffset? AsHostTime(GalileoSystemTime? gst) =>
            gst is { } t && trustedNow is { } now ? hostNow.AddSeconds(-(now.Gst - t)) : null;
        var records = new Dictionary<int, GalileoOsnmaRecord>();
        foreach (var s in _receiver.Satellites)
        {
            records[s.Svid] = new GalileoOsnmaRecord
            {
                NavData = new OsnmaNavDataAuthentication
                {
                    Authenticated = s.NavDataCurrent && s.NavDataAuthenticatedAt is not null && trustedNow is not null,
                    LastAuthenticated = AsHostTime(s.NavDataAuthenticatedAt),
                    Iodnav = s.AuthenticatedIodNav,
                },
                Timing = new OsnmaTimingAuthentication
                {
                    Authenticated = s.TimingAuthenticatedAt is not null && trustedNow is not null,
                    LastAuthenticated = AsHostTime(s.TimingAuthenticatedAt),
                },
            };
        }
        return records;
    }

    private static GalileoSystemTime Gst(string text)
    {
        var (wn, tow) = ConfigLoader.ParseGst(text);
        return new GalileoSystemTime(wn, tow);
    }
}
