namespace GeoEdge.Drivers.Modem;

/// <summary>Base of everything the AT layer throws: one catch for "the modem did not give us what we asked for".</summary>
public abstract class AtException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The modem answered with a final error result (ERROR, +CME ERROR, +CMS ERROR, NO CARRIER, ...).</summary>
public sealed class AtCommandException(AtResponse response)
    : AtException($"{response.Command}: modem answered {AtResponse.Describe(response.Final, response.ErrorCode)}")
{
    public AtResponse Response { get; } = response;
    public string Command => Response.Command;
    public AtFinal Final => Response.Final;
    public string? ErrorCode => Response.ErrorCode;
}

/// <summary>No final result code arrived within the command's timeout; the modem answered the recovery probe, so it is alive.</summary>
public sealed class AtTimeoutException(string command, TimeSpan elapsed, TimeSpan timeout)
    : AtException($"{command}: no final result after {elapsed.TotalMilliseconds:0} ms (timeout {timeout.TotalMilliseconds:0} ms)")
{
    public string Command { get; } = command;
    public TimeSpan Elapsed { get; } = elapsed;
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>
/// The modem cannot be talked to: it did not answer "AT" within the recovery bound, the device
/// could not be written, or the line reader ended. The channel tries to resynchronise before the
/// next command, so a modem that comes back is used again.
/// </summary>
public sealed class ModemUnavailableException(string command, string reason, Exception? inner = null)
    : AtException($"{command}: modem unavailable: {reason}", inner)
{
    public string Command { get; } = command;
}

/// <summary>The modem's answer broke the framing rules (too many lines for one response).</summary>
public sealed class AtProtocolException(string command, string reason)
    : AtException($"{command}: {reason}")
{
    public string Command { get; } = command;
}

/// <summary>A response line did not have the shape the command's specification gives it.</summary>
public sealed class AtParseException : AtException
{
    /// <summary>Longest part of the offending line quoted in the message: a hostile line must not flood logs.</summary>
    public const int MaxQuotedLength = 120;

    public string Command { get; }
    public string Line { get; }
    public string Field { get; }

    public AtParseException(string command, string? line, string field, string reason)
        : base($"{command}: bad {field} in {Quote(line)}: {reason}")
    {
        Command = command;
        Line = line ?? "";
        Field = field;
    }

    /// <summary>The line as printable ASCII, bytes outside it as \xNN, cut at <see cref="MaxQuotedLength"/>.</summary>
    public static string Quote(string? line)
    {
        if (line is null) return "(no line)";
        var text = new System.Text.StringBuilder(Math.Min(line.Length, MaxQuotedLength) + 8);
        text.Append('\'');
        foreach (var c in line.AsSpan(0, Math.Min(line.Length, MaxQuotedLength)))
        {
            if (c is >= ' ' and <= '~') text.Append(c);
            else text.Append($"\\x{(int)c & 0xFF:X2}");
        }
        text.Append('\'');
        if (line.Length > MaxQuotedLength) text.Append($"... ({line.Length} chars)");
        return text.ToString();
    }
}
