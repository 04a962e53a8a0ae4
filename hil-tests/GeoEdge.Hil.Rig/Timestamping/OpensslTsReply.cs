using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Tpm;

namespace GeoEdge.Hil.Rig.Timestamping;

/// <summary>
/// One `openssl ts -reply` per query, through the rig's bounded tool runner. Serialised: openssl reads
/// and rewrites the serial file on each reply and two at once would issue the same serial.
/// </summary>
internal sealed class OpensslTsReply(string directory, string configPath, TimeSpan timeout)
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private int _count;

    public async Task<byte[]> ReplyAsync(byte[] query, string section, CancellationToken cancel)
    {
        await _one.WaitAsync(cancel);
        var stem = Path.Combine(directory, $"q{Interlocked.Increment(ref _count):D6}");
        try
        {
            await File.WriteAllBytesAsync(stem + ".tsq", query, cancel);
            await RigTool.RunAsync("openssl-ts", "openssl",
                ["ts", "-reply", "-config", configPath, "-section", section, "-queryfile", stem + ".tsq", "-out", stem + ".tsr"],
                directory, timeout);
            return await File.ReadAllBytesAsync(stem + ".tsr", cancel);
        }
        finally
        {
            File.Delete(stem + ".tsq");
            File.Delete(stem + ".tsr");
            _one.Release();
        }
    }
}
