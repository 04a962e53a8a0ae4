namespace GeoEdge.Drivers.Modem;

/// <summary>
/// Reads identity, SIM, network and serving cell in one pass: ATE0, AT+CMEE=1, ATI, AT+CGSN,
/// AT+CPIN?, then with a ready SIM AT+CIMI and the ICCID (the vendor's command first, then the
/// others, then EF_ICCID through AT+CRSM), AT+COPS?, AT+CEREG=2 and AT+CEREG? (and, when EPS shows no
/// registration, AT+C5GREG=2 and AT+C5GREG?: a 5G standalone module registers with the 5G core only), and the serving
/// cell (Quectel AT+QENG="servingcell", SIMCom AT+CPSI?, both tried for other vendors). A failed
/// step adds a problem and the rest continues; once the modem is unavailable the remaining
/// commands are skipped (each would only time out). Uses the channel; does not own it.
/// </summary>
public sealed class ModemReader(AtChannel channel, ISimDetectLine? simDetect = null)
{
    private static readonly string[] QuectelIccid = ["AT+QCCID", "AT+CCID", "AT+CICCID"];
    private static readonly string[] SimcomIccid = ["AT+CCID", "AT+CICCID", "AT+QCCID"];

    private readonly AtChannel _channel = channel ?? throw new ArgumentNullException(nameof(channel));

    public async Task<ModemSnapshot> ReadAsync(CancellationToken ct = default)
    {
        var run = new Run(_channel, ct);
        await run.SendAsync("ATE0");
        await run.SendAsync("AT+CMEE=1");
        var identity = await run.StepAsync("ATI", ModemIdentityParser.Parse);
        var vendor = identity?.Vendor ?? ModemVendor.Unknown;
        var imei = await run.StepAsync("AT+CGSN", ImeiParser.Parse);
        var sim = await run.StepAsync("AT+CPIN?", r => (SimState?)SimStatusParser.Parse(r)) ?? SimState.Error;
        var detect = ReadSimDetect(run.Problems);

        string? imsi = null, iccid = null;
        if (sim == SimState.Ready)
        {
            imsi = await run.StepAsync("AT+CIMI", ImsiParser.Parse);
            iccid = await ReadIccidAsync(run, vendor);
        }
        else
        {
            run.Problems.Add($"SIM {sim}: IMSI and ICCID not read");
        }

        var oper = await run.StepAsync("AT+COPS?", OperatorParser.Parse);
        await run.SendAsync("AT+CEREG=2");
        var registration = await run.StepAsync("AT+CEREG?", RegistrationParser.Parse);
        if (registration is not { IsRegistered: true }) registration = await ReadFiveGsRegistrationAsync(run) ?? registration;
        var cell = await ReadServingCellAsync(run, vendor);

        return new ModemSnapshot(identity?.Manufacturer, identity?.Model, identity?.Revision, imei, imsi, iccid, sim, detect,
            oper, registration, cell, run.Problems.ToArray()) { Vendor = vendor };
    }

    private bool? ReadSimDetect(List<string> problems)
    {
        if (simDetect is null) return null;
        try
        {
            return simDetect.IsInserted();
        }
        catch (SimDetectException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }

    private static async Task<string?> ReadIccidAsync(Run run, ModemVendor vendor)
    {
        var failures = new List<string>();
        foreach (var command in vendor == ModemVendor.Simcom ? SimcomIccid : QuectelIccid)
        {
            var iccid = await run.TryAsync(command, r => IccidParser.Parse(r), failures);
            if (iccid is not null) return iccid;
            if (run.Unavailable) return null;
        }
        var raw = await run.TryAsync(IccidParser.CrsmCommand, IccidParser.FromCrsm, failures);
        if (raw is null && !run.Unavailable) run.Problems.Add($"ICCID not read: {string.Join("; ", failures)}");
        return raw;
    }

    /// <summary>
    /// +C5GREG, for a module that is not registered on EPS. LTE-only modules answer ERROR to it: that is no
    /// problem, only an answer that cannot be parsed is. Null when the module gave no usable 5GS registration.
    /// </summary>
    private static async Task<Registration?> ReadFiveGsRegistrationAsync(Run run)
    {
        var unsupported = new List<string>();
        if (await run.TryAsync("AT+C5GREG=2", r => r.EnsureOk(), unsupported) is null) return null;
        var registration = await run.TryAsync("AT+C5GREG?", r => r.EnsureOk(), unsupported) is { } response
            ? Run.Parse(response, RegistrationParser.Parse, run.Problems)
            : null;
        return registration is { IsRegistered: true } ? registration : null;
    }

    private static async Task<ServingCell?> ReadServingCellAsync(Run run, ModemVendor vendor)
    {
        switch (vendor)
        {
            case ModemVendor.Quectel: return await run.StepAsync(ServingCellParser.QuectelCommand, ServingCellParser.Parse);
            case ModemVendor.Simcom: return await run.StepAsync(ServingCellParser.SimcomCommand, ServingCellParser.Parse);
        }
        var failures = new List<string>();
        foreach (var command in new[] { ServingCellParser.QuectelCommand, ServingCellParser.SimcomCommand })
        {
            var response = await run.TryAsync(command, r => r.EnsureOk(), failures);
            if (response is not null)
            {
                var parseFailures = new List<string>();
                var cell = Run.Parse(response, ServingCellParser.Parse, parseFailures);
                run.Problems.AddRange(parseFailures);
                return cell;
            }
            if (run.Unavailable) return null;
        }
        run.Problems.Add($"serving cell not read: {string.Join("; ", failures)}");
        return null;
    }

    /// <summary>One pass: the problems found so far, and whether the modem stopped answering.</summary>
    private sealed class Run(AtChannel channel, CancellationToken ct)
    {
        public List<string> Problems { get; } = [];
        public bool Unavailable { get; private set; }

        public Task SendAsync(string command) => StepAsync(command, r => r.EnsureOk());

        /// <summary>Sends and parses; a failure becomes a problem and the default (null).</summary>
        public async Task<T?> StepAsync<T>(string command, Func<AtResponse, T> parse)
        {
            var failures = new List<string>();
            var value = await TryAsync(command, parse, failures).ConfigureAwait(false);
            Problems.AddRange(failures);
            return value;
        }

        /// <summary>Sends and parses; a failure is appended to <paramref name="failures"/> and gives the default (null).</summary>
        public async Task<T?> TryAsync<T>(string command, Func<AtResponse, T> parse, List<string> failures)
        {
            if (Unavailable) return default;
            AtResponse response;
            try
            {
                response = await channel.SendAsync(command, ct: ct).ConfigureAwait(false);
            }
            catch (AtException e)
            {
                Unavailable = e is ModemUnavailableException;
                failures.Add(e.Message);
                return default;
            }
            return Parse(response, parse, failures);
        }

        /// <summary>Every AT exception names its command, so its message is the problem as it stands.</summary>
        public static T? Parse<T>(AtResponse response, Func<AtResponse, T> parse, List<string> failures)
        {
            try
            {
                return parse(response);
            }
            catch (AtException e)
            {
                failures.Add(e.Message);
                return default;
            }
        }
    }
}
