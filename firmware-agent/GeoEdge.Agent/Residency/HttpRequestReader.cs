namespace GeoEdge.Agent.Residency;

/// <summary>
/// Reads one request head from a connection, bounded in size and in time: the whole head must arrive
/// within <c>timeout</c> (a total deadline, not one per read, so a client trickling a byte at a time
/// is cut off just as one that sends nothing) and fit in <see cref="MaxHeadBytes"/>.
/// </summary>
public static class HttpRequestReader
{
    public const int MaxHeadBytes = 8 * 1024;

    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    /// <exception cref="HttpRequestRefusedException">400 (closed early, malformed), 408 (too slow), 431 (too large).</exception>
    public static async Task<HttpRequestHead> ReadAsync(Stream connection, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var buffer = new byte[MaxHeadBytes];
        var filled = 0;
        var searchedUpTo = 0;
        while (true)
        {
            if (filled == buffer.Length)
                throw new HttpRequestRefusedException(431, $"the request head is larger than {MaxHeadBytes} bytes");
            int read;
            try
            {
                read = await connection.ReadAsync(buffer.AsMemory(filled), deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new HttpRequestRefusedException(408, $"the request head did not arrive within {timeout.TotalSeconds:0.###} s");
            }
            if (read == 0) throw new HttpRequestRefusedException(400, "the connection ended before the request head was complete");
            filled += read;
            // Resume the search a few bytes back, in case the blank line straddles two reads.
            var start = Math.Max(0, searchedUpTo - (EndOfHead.Length - 1));
            var end = buffer.AsSpan(start, filled - start).IndexOf(EndOfHead);
            if (end >= 0) return HttpRequestHead.Parse(buffer.AsSpan(0, start + end));
            searchedUpTo = filled;
        }
    }
}
