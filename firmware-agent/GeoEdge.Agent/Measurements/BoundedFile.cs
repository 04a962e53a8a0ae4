namespace GeoEdge.Agent.Measurements;

/// <summary>
/// Reads a kernel measurement file whole. securityfs files report a size of 0, so the length is found
/// by reading, up to a limit: a list that grew beyond it is an error, not an allocation without end.
/// </summary>
internal static class BoundedFile
{
    public static byte[] Read(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new IOException($"{path} is larger than {maxBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
