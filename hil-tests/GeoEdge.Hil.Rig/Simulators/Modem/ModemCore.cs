namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// The modem without its serial line: answers command lines from the current state and the host's settings, and
/// collects the URCs that state changes and commands cause. Not thread-safe: <see cref="ModemSimulator"/> holds
/// one lock around every call. The command handlers live in the partial files by subject.
/// </summary>
internal sealed partial class ModemCore
{
    private readonly ModemProfile _profile;
    private readonly ModemSession _session = new();
    private readonly Dictionary<string, Func<AtCommand, AtResponse>> _handlers;
    private readonly List<string> _urcs = [];
    private SimulatedModemState _state;
    private bool _pinVerified;

    public ModemCore(ModemProfile profile, SimulatedModemState initial)
    {
        _profile = profile;
        _state = initial;
        _handlers = new Dictionary<string, Func<AtCommand, AtResponse>>(StringComparer.Ordinal);
        AddControlCommands();
        AddIdentityCommands();
        AddSimCommands();
        AddNetworkCommands();
    }

    public SimulatedModemState State => _state;

    /// <summary>What the modem writes for one received line: its echo (if on) and the response.</summary>
    /// <returns>The command's counter key (null for a line that is not a command) and the text to write.</returns>
    public (string? Key, string Output) Answer(string line)
    {
        // Echo depends on the setting when the line arrived: "ATE0" itself is still echoed.
        var echo = _session.Echo ? line + "\r" : "";
        var command = AtCommand.TryParse(line);
        var response = command is not null && _handlers.TryGetValue(command.Name, out var handler) ? handler(command) : AtResponse.Error;
        return (command?.Key, echo + response.Format(_session.Cmee));
    }

    /// <summary>Answer for a line longer than the module's input buffer: it is dropped and the command fails.</summary>
    public string AnswerOverlong() => AtResponse.Error.Format(_session.Cmee);

    /// <summary>URCs produced since the last call, in order.</summary>
    public IReadOnlyList<string> TakeUrcs()
    {
        var urcs = _urcs.ToArray();
        _urcs.Clear();
        return urcs;
    }

    /// <summary>Power-up: settings back to defaults, the SIM locked again if it has a PIN, then "RDY" and the SIM state.</summary>
    public void PowerUp()
    {
        _session.Reset();
        _pinVerified = false;
        _urcs.Add("RDY");
        if (_state.Sim is not null) _urcs.Add(SimStatusLine());
    }

    /// <summary>Moves to <paramref name="next"/> and queues the URCs a module would send for the change.</summary>
    public void ChangeState(SimulatedModemState next)
    {
        var before = _state;
        var eps = Registration.Eps(before, SimReady);
        var fiveGs = Registration.FiveGs(before, SimReady);
        var simChanged = before.Sim?.Iccid != next.Sim?.Iccid || before.Sim?.Imsi != next.Sim?.Imsi;
        if (simChanged && before.Sim is not null)
        {
            // A different card is a removal followed by an insertion, whatever the test called.
            _state = before with { Sim = null };
            _pinVerified = false;
            SimPresenceUrcs(inserted: false);
            RegistrationUrcs(ref eps, ref fiveGs);
        }
        _state = next;
        if (simChanged && next.Sim is not null) SimPresenceUrcs(inserted: true);
        RegistrationUrcs(ref eps, ref fiveGs);
    }

    private bool SimReady => _state.Sim is { } sim && (sim.Pin is null || _pinVerified);

    private Registration Eps => Registration.Eps(_state, SimReady);

    private Registration FiveGs => Registration.FiveGs(_state, SimReady);

    private void SimPresenceUrcs(bool inserted)
    {
        _urcs.Add(inserted ? SimStatusLine() : "+CPIN: NOT READY");
        if (_profile.Vendor == ModemVendor.Quectel && _session.SimStatusReports) _urcs.Add($"+QSIMSTAT: 1,{(inserted ? 1 : 0)}");
    }

    private string SimStatusLine() => SimReady ? "+CPIN: READY" : "+CPIN: SIM PIN";

    /// <summary>Queues +CEREG / +C5GREG reports for what changed since <paramref name="eps"/> / <paramref name="fiveGs"/>, and advances them.</summary>
    private void RegistrationUrcs(ref Registration eps, ref Registration fiveGs)
    {
        var nowEps = Eps;
        if (nowEps.IsReportableChangeFrom(eps, _session.CeregMode)) _urcs.Add(nowEps.UrcLine(_session.CeregMode));
        eps = nowEps;
        if (!_profile.Has5g) return;
        var nowFiveGs = FiveGs;
        if (nowFiveGs.IsReportableChangeFrom(fiveGs, _session.C5gregMode)) _urcs.Add(nowFiveGs.UrcLine(_session.C5gregMode));
        fiveGs = nowFiveGs;
    }

    private void Add(string name, Func<AtCommand, AtResponse> handler) => _handlers.Add(name, handler);

    /// <summary>A parameter that can be set 0..max, read back as "+NAME: n" and tested as "+NAME: (0-max)".</summary>
    private void AddSetting(string name, int max, Func<int> get, Action<int> set) => Add(name, c => c.Form switch
    {
        AtForm.Read => AtResponse.Ok($"{name}: {get()}"),
        AtForm.Test => AtResponse.Ok($"{name}: (0-{max})"),
        AtForm.Set when c.SplitArguments() is { Count: 1 } args && AtCommand.IntArgument(args, 0, 0, max) is { } value => Do(() => set(value)),
        _ => AtResponse.Error,
    });

    private static AtResponse Do(Action action)
    {
        action();
        return AtResponse.Ok();
    }

    /// <summary>V.250 basic commands: AT, ATE, ATV, ATQ, ATZ, AT&amp;F, and AT+CMEE.</summary>
    private void AddControlCommands()
    {
        Add("", c => AtResponse.Ok());
        Add("E", c => c.Arguments switch
        {
            "" or "0" => Do(() => _session.Echo = false),
            "1" => Do(() => _session.Echo = true),
            _ => AtResponse.Error,
        });
        // Only verbose result codes are simulated: ATV0 (numeric) is refused rather than silently ignored.
        Add("V", c => c.Arguments == "1" ? AtResponse.Ok() : AtResponse.Error);
        Add("Q", c => c.Arguments is "" or "0" ? AtResponse.Ok() : AtResponse.Error);
        Add("Z", c => c.Arguments is "" or "0" ? Do(_session.Reset) : AtResponse.Error);
        Add("&F", c => c.Arguments is "" or "0" ? Do(_session.Reset) : AtResponse.Error);
        AddSetting("+CMEE", 2, () => _session.Cmee, v => _session.Cmee = v);
    }
}
