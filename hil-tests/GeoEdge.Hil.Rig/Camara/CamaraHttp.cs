using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GeoEdge.Hil.Rig.Camara;

/// <summary>Reading bounded bodies and writing JSON answers, shared by the two endpoints.</summary>
internal static class CamaraHttp
{
    /// <summary>
    /// Kestrel's hard cap on a request body. Bodies between the endpoint's limit and this are read
    /// to the end and discarded before the refusal goes out, so that a client still writing its
    /// body sees the 400 instead of a reset connection; beyond it the connection is simply closed.
    /// </summary>
    public const int DrainLimitBytes = 1024 * 1024;

    /// <summary>
    /// Reads the whole body, refusing more than <paramref name="maxBytes"/> whatever Content-Length
    /// claims (it may lie, or be absent with chunked encoding). CAMARA has no 413 code, so an
    /// oversize body is the generic 400 INVALID_ARGUMENT.
    /// </summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context, int maxBytes)
    {
        var tooLarge = CamaraError.InvalidArgument($"the request body exceeds the {maxBytes}-byte limit");
        if (context.Request.ContentLength > DrainLimitBytes) throw tooLarge;
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            while (length <= maxBytes)
            {
                var read = await context.Request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), context.RequestAborted);
                if (read == 0) break;
                length += read;
            }
            if (length <= maxBytes) return buffer.AsSpan(0, length).ToArray();
            await DrainAsync(context, buffer);
            throw tooLarge;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task DrainAsync(HttpContext context, byte[] scratch)
    {
        try
        {
            while (await context.Request.Body.ReadAsync(scratch, context.RequestAborted) > 0) { }
        }
        catch (BadHttpRequestException)
        {
            // Past DrainLimitBytes: Kestrel will close the connection after the answer.
        }
    }

    /// <summary>True when the Content-Type's media type (parameters such as charset aside) is the one named.</summary>
    public static bool HasMediaType(HttpRequest request, string mediaType)
    {
        var contentType = request.ContentType;
        if (contentType is null) return false;
        var semicolon = contentType.IndexOf(';');
        var type = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return type.Equals(mediaType, StringComparison.OrdinalIgnoreCase);
    }

    public static Task WriteErrorAsync(HttpContext context, CamaraError error)
    {
        if (error.Status == 401) context.Response.Headers.WWWAuthenticate = "Bearer";
        return WriteJsonAsync(context, error.Status, writer =>
        {
            writer.WriteNumber("status", error.Status);
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Detail);
        });
    }

    public static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}

/// <summary>
/// The Commonalities <c>x-correlator</c> header: echoed on every answer when it matches the
/// XCorrelator pattern <c>^[a-zA-Z0-9-_:;./&lt;&gt;{}]{0,256}$</c>, refused with 400 when not
/// (a value outside the pattern is never reflected into a response header).
/// </summary>
internal static class Correlator
{
    public const string Header = "x-correlator";

    /// <summary>Echoes a valid correlator; returns an error for a malformed or repeated one.</summary>
    public static CamaraError? Echo(HttpContext context)
    {
        var values = context.Request.Headers[Header];
        if (values.Count == 0) return null;
        if (values.Count > 1) return CamaraError.InvalidArgument("x-correlator header given more than once");
        var value = values[0] ?? "";
        if (value.Length > 256 || !value.All(IsAllowed))
            return CamaraError.InvalidArgument("x-correlator does not match ^[a-zA-Z0-9-_:;./<>{}]{0,256}$");
        context.Response.Headers[Header] = value;
        return null;
    }

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or ';' or '.' or '/' or '<' or '>' or '{' or '}';
}
