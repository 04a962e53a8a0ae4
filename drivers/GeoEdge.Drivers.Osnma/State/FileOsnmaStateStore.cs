namespace GeoEdge.Drivers.Osnma;

/// <summary>
/// The state in one file, replaced atomically: written to a temporary file beside it, flushed to disk, then
/// renamed over the old one, so a crash leaves either the old or the new state, never half of one.
/// </summary>
public sealed class FileOsnmaStateStore : IOsnmaStateStore
{
    /// <summary>A state is a few hundred bytes; anything much larger is not ours.</summary>
    public const int MaxStateBytes = 64 * 1024;

    public FileOsnmaStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public byte[]? Load()
    {
        if (!File.Exists(Path)) return null;
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > MaxStateBytes)
            throw new InvalidDataException($"OSNMA state file {Path} is {stream.Length} bytes, more than {MaxStateBytes}");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public void Save(ReadOnlySpan<byte> state)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(state);
                stream.Flush(flushToDisk: true); // fsync before the rename makes the new content visible
            }
            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
