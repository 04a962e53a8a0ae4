namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// The SIM: AT+CPIN, AT+CIMI, AT+CRSM (READ BINARY of EF_ICCID), and the vendors' ICCID commands (Quectel AT+QCCID,
/// AT+QSIMSTAT; SIMCom AT+CICCID, AT+CCID). No SIM: +CME ERROR: 10. The ICCID is readable while the SIM waits for its PIN;
/// the IMSI is not (+CME ERROR: 11).
/// </summary>
internal sealed partial class ModemCore
{
    private const int ReadBinary = 176;

    private void AddSimCommands()
    {
        Add("+CPIN", c => c.Form switch
        {
            AtForm.Read => _state.Sim is null ? AtResponse.Cme(CmeError.SimNotInserted) : AtResponse.Ok(SimStatusLine()),
            AtForm.Set => EnterPin(c),
            AtForm.Test => AtResponse.Ok(),
            _ => AtResponse.Error,
        });
        Add("+CIMI", c => c.Form switch
        {
            AtForm.Execute when _state.Sim is null => AtResponse.Cme(CmeError.SimNotInserted),
            AtForm.Execute when !SimReady => AtResponse.Cme(CmeError.SimPinRequired),
            AtForm.Execute => AtResponse.Ok(_state.Sim!.Imsi),
            AtForm.Test => AtResponse.Ok(),
            _ => AtResponse.Error,
        });
        Add("+CRSM", RestrictedSimAccess);
        if (_profile.Vendor == ModemVendor.Quectel)
        {
            Add("+QCCID", c => Iccid(c, iccid => $"+QCCID: {IccidEncoding.PaddedDigits(iccid)}"));
            Add("+QSIMSTAT", c => c.Form switch
            {
                AtForm.Read => AtResponse.Ok($"+QSIMSTAT: {(_session.SimStatusReports ? 1 : 0)},{(_state.Sim is null ? 0 : 1)}"),
                AtForm.Test => AtResponse.Ok("+QSIMSTAT: (0,1)"),
                AtForm.Set when c.SplitArguments() is { Count: 1 } args && AtCommand.IntArgument(args, 0, 0, 1) is { } on
                    => Do(() => _session.SimStatusReports = on == 1),
                _ => AtResponse.Error,
            });
        }
        else
        {
            Add("+CICCID", c => Iccid(c, iccid => $"+ICCID: {iccid}"));
            Add("+CCID", c => Iccid(c, iccid => $"+CCID: {iccid}"));
        }
    }

    private AtResponse Iccid(AtCommand c, Func<string, string> line) => c.Form switch
    {
        AtForm.Execute => _state.Sim is { } sim ? AtResponse.Ok(line(sim.Iccid)) : AtResponse.Cme(CmeError.SimNotInserted),
        AtForm.Test => AtResponse.Ok(),
        _ => AtResponse.Error,
    };

    private AtResponse EnterPin(AtCommand c)
    {
        if (c.SplitArguments() is not { Count: >= 1 } args || args[0].Length == 0) return AtResponse.Error;
        if (_state.Sim is not { } sim) return AtResponse.Cme(CmeError.SimNotInserted);
        if (SimReady) return AtResponse.Cme(CmeError.OperationNotAllowed);
        if (args[0] != sim.Pin) return AtResponse.Cme(CmeError.IncorrectPassword);
        var eps = Eps;
        var fiveGs = FiveGs;
        _pinVerified = true;
        _urcs.Add("+CPIN: READY");
        RegistrationUrcs(ref eps, ref fiveGs);
        return AtResponse.Ok();
    }

    /// <summary>
    /// AT+CRSM=&lt;command&gt;,&lt;fileid&gt;[,&lt;P1&gt;,&lt;P2&gt;,&lt;P3&gt;]: only READ BINARY (176) of EF_ICCID (12258) exists here.
    /// Answers +CRSM: &lt;sw1&gt;,&lt;sw2&gt;[,"hex"]: 144,0 success; 103,0 wrong length; 106,130 file not found; 109,0 instruction not supported.
    /// </summary>
    private AtResponse RestrictedSimAccess(AtCommand c)
    {
        if (c.Form == AtForm.Test) return AtResponse.Ok();
        if (c.Form != AtForm.Set || c.SplitArguments() is not { Count: 2 or 5 } args
            || AtCommand.IntArgument(args, 0, 0, 255) is not { } instruction || AtCommand.IntArgument(args, 1, 0, 0xFFFF) is not { } file)
            return AtResponse.Error;
        if (_state.Sim is not { } sim) return AtResponse.Cme(CmeError.SimNotInserted);
        if (instruction != ReadBinary) return AtResponse.Ok("+CRSM: 109,0");
        if (file != IccidEncoding.EfIccidFileId) return AtResponse.Ok("+CRSM: 106,130");
        var offset = 0;
        var length = IccidEncoding.EfIccidLength;
        if (args.Count == 5)
        {
            if (AtCommand.IntArgument(args, 2, 0, 255) is not { } p1 || AtCommand.IntArgument(args, 3, 0, 255) is not { } p2
                || AtCommand.IntArgument(args, 4, 0, 255) is not { } p3)
                return AtResponse.Error;
            offset = p1 * 256 + p2;
            length = p3;
        }
        if (length == 0 || offset + length > IccidEncoding.EfIccidLength) return AtResponse.Ok("+CRSM: 103,0");
        return AtResponse.Ok($"+CRSM: 144,0,\"{IccidEncoding.EfIccidHex(sim.Iccid).Substring(offset * 2, length * 2)}\"");
    }
}
