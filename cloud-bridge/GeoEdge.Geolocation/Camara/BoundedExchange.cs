using System.Net;

namespace GeoEdge.Geolocation;

/// <summary>One HTTP answer read whole, within the size bound.</summary>
internal sealed record HttpAnswer(HttpStatusCode Status, string? MediaType, byte[] Body, HttpResponseMessage Response);

/// <summary>
/// Sends one request and reads its answer with both bounds the API contract needs: a deadline for the
/// whole exchange and a cap on the body, so a stalled or flooding operator costs neither time nor memory.
/// </summary>
internal static class BoundedExchange
{
    public static async Task<HttpAnswer> SendAsync(HttpClient http, HttpRequestMessage request, CamaraOptions options, string what, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.RequestTimeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var body = await ReadBoundedAsync(response.Content, options.MaxResponseBytes, (int)response.StatusCode, what, deadline.Token).ConfigureAwait(false);
            return new HttpAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            response?.Dispose();
            throw new CamaraException(null, CamaraException.Timeout, $"{what}: no complete answer within {options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            response?.Dispose();
            throw new CamaraException(null, CamaraException.NetworkError, $"{what}: {e.Message}", e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, int max, int status, string what, CancellationToken ct)
    {
        if (content.Headers.ContentLength > max)
            throw new CamaraException(status, CamaraException.InvalidResponse, $"{what}: answer of {content.Headers.ContentLength} bytes exceeds the {max}-byte limit");
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new byte[Math.Min(max + 1, 16 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > max)
                    throw new CamaraException(status, CamaraException.InvalidResponse, $"{what}: answer exceeds the {max}-byte limit");
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, max + 1));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0) break;
            length += read;
        }
        if (length > max)
            throw new CamaraException(status, CamaraException.InvalidResponse, $"{what}: answer exceeds the {max}-byte limit");
        return buffer.AsSpan(0, length).ToArray();
    }
}
