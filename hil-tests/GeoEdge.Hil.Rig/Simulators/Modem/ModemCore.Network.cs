namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// The network: AT+COPS, AT+CEREG, AT+C5GREG (5G modules), AT+CSQ, and the serving cell (Quectel AT+QENG="servingcell",
/// SIMCom AT+CPSI?).
/// </summary>
internal sealed partial class ModemCore
{
    private void AddNetworkCommands()
    {
        Add("+COPS", Operator);
        AddRegistration("+CEREG", () => _session.CeregMode, v => _session.CeregMode = v, () => Eps);
        if (_profile.Has5g) AddRegistration("+C5GREG", () => _session.C5gregMode, v => _session.C5gregMode = v, () => FiveGs);
        Add("+CSQ", c => c.Form switch
        {
            AtForm.Execute => AtResponse.Ok(_state.Cell is { } cell ? $"+CSQ: {Math.Clamp((cell.Rssi + 113) / 2, 0, 31)},99" : "+CSQ: 99,99"),
            AtForm.Test => AtResponse.Ok("+CSQ: (0-31,99),(0-7,99)"),
            _ => AtResponse.Error,
        });
        if (_profile.Vendor == ModemVendor.Quectel)
            Add("+QENG", c => c.Form == AtForm.Set && c.SplitArguments() is { Count: 1 } args && args[0].Equals("servingcell", StringComparison.OrdinalIgnoreCase)
                ? AtResponse.Ok(QuectelServingCell.Lines(_profile, _state.Cell, Eps.IsRegistered || FiveGs.IsRegistered))
                : AtResponse.Error);
        else
            Add("+CPSI", c => c.Form == AtForm.Read ? AtResponse.Ok(SimcomServingCell.Line(_state.Cell)) : AtResponse.Error);
    }

    /// <summary>+CEREG / +C5GREG: n = 0 (no reports), 1 (stat), 2 (stat and location).</summary>
    private void AddRegistration(string name, Func<int> mode, Action<int> setMode, Func<Registration> current) => Add(name, c => c.Form switch
    {
        AtForm.Read => AtResponse.Ok(current().ReadLine(mode())),
        AtForm.Test => AtResponse.Ok($"{name}: (0-2)"),
        AtForm.Set when c.SplitArguments() is { Count: 1 } args && AtCommand.IntArgument(args, 0, 0, 2) is { } n => Do(() => setMode(n)),
        _ => AtResponse.Error,
    });

    /// <summary>
    /// AT+COPS? answers +COPS: 0,&lt;format&gt;,"&lt;oper&gt;",&lt;AcT&gt; while registered, "+COPS: 0" otherwise.
    /// AT+COPS=3,&lt;format&gt; changes the format; AT+COPS=0 (automatic) is accepted; manual selection is not simulated.
    /// </summary>
    private AtResponse Operator(AtCommand c)
    {
        switch (c.Form)
        {
            case AtForm.Read:
                var registration = Eps.IsRegistered ? Eps : FiveGs;
                if (!registration.IsRegistered || registration.Cell is not { } cell) return AtResponse.Ok("+COPS: 0");
                var name = _session.CopsFormat switch { 0 => cell.OperatorName, 1 => cell.OperatorShortName, _ => cell.Plmn };
                return AtResponse.Ok($"+COPS: 0,{_session.CopsFormat},\"{name}\",{Registration.AccessTechnology(cell.Tech)}");
            case AtForm.Test:
                return AtResponse.Ok();
            case AtForm.Set when c.SplitArguments() is { } args:
                if (args is ["0"]) return AtResponse.Ok();
                if (args.Count == 2 && args[0] == "3" && AtCommand.IntArgument(args, 1, 0, 2) is { } format)
                    return Do(() => _session.CopsFormat = format);
                return AtResponse.Error;
            default:
                return AtResponse.Error;
        }
    }
}
