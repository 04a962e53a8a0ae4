namespace GeoEdge.Drivers.Modem;

/// <summary>The final result code that ended a command's response (V.250 and 3GPP TS 27.007 clause 9.2).</summary>
public enum AtFinal
{
    Ok,
    Error,
    CmeError,
    CmsError,
    NoCarrier,
    Aborted,
    Busy,
    NoAnswer,
    NoDialtone,
}

/// <summary>
/// One command's answer: the information lines between the command and its final result code,
/// without echo and without the unsolicited result codes that arrived in between.
/// <see cref="ErrorCode"/> is the text after "+CME ERROR: " / "+CMS ERROR: " (a number after
/// AT+CMEE=1, words after AT+CMEE=2), null for every other final result.
/// </summary>
public sealed record AtResponse(string Command, IReadOnlyList<string> Lines, AtFinal Final, string? ErrorCode)
{
    public bool IsOk => Final == AtFinal.Ok;

    /// <summary>Returns this response when it ended in OK.</summary>
    /// <exception cref="AtCommandException">It ended in any other final result.</exception>
    public AtResponse EnsureOk() => IsOk ? this : throw new AtCommandException(this);

    /// <summary>The numeric +CME/+CMS error, when the modem gave a number.</summary>
    public int? NumericErrorCode => int.TryParse(ErrorCode, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    internal static string Describe(AtFinal final, string? errorCode) => final switch
    {
        AtFinal.Ok => "OK",
        AtFinal.Error => "ERROR",
        AtFinal.CmeError => $"+CME ERROR: {errorCode}",
        AtFinal.CmsError => $"+CMS ERROR: {errorCode}",
        AtFinal.NoCarrier => "NO CARRIER",
        AtFinal.Aborted => "ABORTED",
        AtFinal.Busy => "BUSY",
        AtFinal.NoAnswer => "NO ANSWER",
        AtFinal.NoDialtone => "NO DIALTONE",
        _ => final.ToString(),
    };
}
