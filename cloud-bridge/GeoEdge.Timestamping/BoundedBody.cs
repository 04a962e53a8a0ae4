namespace GeoEdge.Timestamping;

/// <summary>Reads an HTTP body up to a limit, whatever Content-Length claims (it may lie, or be absent when chunked).</summary>
internal static class BoundedBody
{
    /// <exception cref="TimestampException">ResponseTooLarge past <paramref name="maxBytes"/>.</exception>
    public static async Task<byte[]> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancel)
    {
        if (content.Headers.ContentLength > maxBytes)
            throw TooLarge(maxBytes, $"Content-Length {content.Headers.ContentLength}");
        await using var stream = await content.ReadAsStreamAsync(cancel);
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancel);
            if (read == 0) return buffer.AsSpan(0, length).ToArray();
            length += read;
        }
        throw TooLarge(maxBytes, "the body");
    }

    private static TimestampException TooLarge(int maxBytes, string what) =>
        new(TimestampFailure.ResponseTooLarge, $"{what} exceeds the {maxBytes}-byte limit on a TSA answer");
}
