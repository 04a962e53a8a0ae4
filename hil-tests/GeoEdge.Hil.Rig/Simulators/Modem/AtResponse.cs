using System.Text;

namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// What a command answers: information lines, then a final result (OK, ERROR or +CME ERROR). Written the way
/// the modules write it with ATV1: "\r\n" + the lines joined by "\r\n" + "\r\n", then "\r\n" + final + "\r\n".
/// </summary>
internal sealed record AtResponse(IReadOnlyList<string> Lines, int? CmeCode, bool Failed)
{
    public static AtResponse Ok(params string[] lines) => new(lines, null, false);

    public static AtResponse Error { get; } = new([], null, true);

    public static AtResponse Cme(int code) => new([], code, true);

    /// <param name="cmee">AT+CMEE mode: 0 plain ERROR, 1 numeric, 2 verbose.</param>
    public string Format(int cmee)
    {
        var text = new StringBuilder();
        if (Lines.Count > 0) text.Append("\r\n").AppendJoin("\r\n", Lines).Append("\r\n");
        var final = !Failed ? "OK"
            : CmeCode is not { } code || cmee == 0 ? "ERROR"
            : cmee == 1 ? $"+CME ERROR: {code}"
            : $"+CME ERROR: {CmeError.Text(code)}";
        return text.Append("\r\n").Append(final).Append("\r\n").ToString();
    }
}
