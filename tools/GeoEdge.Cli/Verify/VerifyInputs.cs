namespace GeoEdge.Cli.Verify;

/// <summary>The files `geoedge verify` is given, read whole but bounded: an unusable one is an argument error naming it.</summary>
internal static class VerifyInputs
{
    public static byte[] Read(string path, string what, int maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new ArgumentException($"{what}: no file '{path}'");
            if (info.Length > maxBytes) throw new ArgumentException($"{what}: '{path}' is larger than {maxBytes / 1024} KiB");
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{what}: cannot read '{path}': {e.Message}");
        }
    }
}
