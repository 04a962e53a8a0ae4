using System.Text;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// The request line and header fields of an HTTP/1.1 request (RFC 9112), parsed strictly: the socket
/// serves a handful of GETs, so anything unusual (a body, folded or malformed fields, non-ASCII bytes,
/// bare CR or LF, an absolute-form target) is refused with 400 rather than interpreted.
/// </summary>
public sealed record HttpRequestHead(string Method, string Target, string Version, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>More fields than any real client sends to this socket.</summary>
    public const int MaxHeaderFields = 64;

    /// <summary>The target's path, without a query.</summary>
    public string Path => Target.IndexOf('?') is var q and >= 0 ? Target[..q] : Target;

    /// <summary>Parses the head: the bytes before the blank line, without it (the reader finds the end).</summary>
    public static HttpRequestHead Parse(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
            if (b is 0 or > 0x7e || (b < 0x20 && b is not (byte)'\r' and not (byte)'\n' and not (byte)'\t'))
                throw Bad($"byte 0x{b:x2} is not allowed in a request head");
        var text = Encoding.ASCII.GetString(head);
        var lines = text.Split("\r\n");
        foreach (var line in lines)
            if (line.Contains('\r') || line.Contains('\n')) throw Bad("lines must end with CRLF (a bare CR or LF was sent)");

        var (method, target, version) = ParseRequestLine(lines[0]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            if (headers.Count >= MaxHeaderFields) throw new HttpRequestRefusedException(431, $"more than {MaxHeaderFields} header fields");
            var (name, value) = ParseField(lines[i]);
            // A repeated field is joined as RFC 9110 allows for list fields; the checks below refuse the ones that matter.
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }
        if (headers.ContainsKey("Transfer-Encoding")) throw Bad("a request body (Transfer-Encoding) is not accepted");
        if (headers.TryGetValue("Content-Length", out var length) && length != "0") throw Bad("a request body (Content-Length) is not accepted");
        return new HttpRequestHead(method, target, version, headers);
    }

    private static (string Method, string Target, string Version) ParseRequestLine(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3) throw Bad("the request line must be METHOD SP TARGET SP VERSION");
        var (method, target, version) = (parts[0], parts[1], parts[2]);
        if (method.Length == 0 || !method.All(IsTokenChar)) throw Bad("the method is not a token");
        if (version is not ("HTTP/1.1" or "HTTP/1.0")) throw Bad($"HTTP version '{Shorten(version)}' is not served (HTTP/1.1 and 1.0 are)");
        if (!target.StartsWith('/') || target.Contains('#') || target.Any(c => c <= ' '))
            throw Bad("the target must be a path (origin-form, starting with /)");
        return (method, target, version);
    }

    private static (string Name, string Value) ParseField(string line)
    {
        if (line.Length > 0 && line[0] is ' ' or '\t') throw Bad("folded header lines (obs-fold) are not accepted");
        var colon = line.IndexOf(':');
        if (colon <= 0) throw Bad($"header line '{Shorten(line)}' has no field name");
        var name = line[..colon];
        // RFC 9112 5.1: no whitespace between the name and the colon (a classic smuggling vector).
        if (!name.All(IsTokenChar)) throw Bad($"header name '{Shorten(name)}' is not a token");
        return (name, line[(colon + 1)..].Trim(' ', '\t'));
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "..." : s;

    private static HttpRequestRefusedException Bad(string reason) => new(400, reason);
}
