using System.Globalization;
using System.Text;

namespace GeoEdge.Agent.Residency;

/// <summary>
/// One HTTP/1.1 response with a JSON body. Every response closes the connection: one request per
/// connection keeps the server free of keep-alive state and of any pipelining ambiguity.
/// </summary>
public sealed record HttpResponse(int Status, byte[] Body, string? Allow = null)
{
    public async Task WriteAsync(Stream connection, CancellationToken ct)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {ReasonPhrase(Status)}\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n")
            .Append("Cache-Control: no-store\r\n")
            .Append(Allow is null ? "" : $"Allow: {Allow}\r\n")
            .Append("Connection: close\r\n\r\n");
        await connection.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct);
        await connection.WriteAsync(Body, ct);
        await connection.FlushAsync(ct);
    }

    public static HttpResponse Error(int status, string error, string reason, string? allow = null) =>
        new(status, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new HttpError(error, reason), WorkloadJsonContext.Default.HttpError), allow);

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    };
}

/// <summary>The body of every error: a short machine-readable code and a sentence saying why.</summary>
public sealed record HttpError(string Error, string Reason);
