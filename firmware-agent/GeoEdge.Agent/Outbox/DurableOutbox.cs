using System.Globalization;

namespace GeoEdge.Agent.Outbox;

/// <summary>
/// Readings waiting for the broker's acknowledgement, one file per reading named by its sequence
/// number, written durably before any publish and deleted only after the PUBACK. A broker outage or
/// a SIGKILL loses nothing; the oldest reading always goes first, so delivery stays in order.
/// </summary>
public sealed class DurableOutbox
{
    private const string Suffix = ".reading";
    private readonly string _directory;

    public DurableOutbox(string stateDirectory)
    {
        _directory = Path.Combine(stateDirectory, "outbox");
        Directory.CreateDirectory(_directory);
        // A crash between writing a temporary file and renaming it leaves a .tmp: never acknowledged,
        // never published, safe to drop.
        foreach (var temp in Directory.EnumerateFiles(_directory, "*.tmp")) File.Delete(temp);
    }

    public void Add(ulong seq, ReadOnlySpan<byte> message) => State.DurableFile.Write(PathOf(seq), message);

    /// <summary>The oldest waiting reading, or null when the outbox is empty.</summary>
    public (ulong Seq, byte[] Message)? Oldest()
    {
        var oldest = Pending().FirstOrDefault();
        return oldest == 0 ? null : (oldest, File.ReadAllBytes(PathOf(oldest)));
    }

    public int Count => Pending().Count();

    public void Remove(ulong seq) => State.DurableFile.Delete(PathOf(seq));

    private IEnumerable<ulong> Pending() =>
        Directory.EnumerateFiles(_directory, "*" + Suffix)
            .Select(f => ulong.TryParse(Path.GetFileName(f).AsSpan(0, Path.GetFileName(f).Length - Suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0)
            .Where(s => s != 0)
            .Order();

    private string PathOf(ulong seq) => Path.Combine(_directory, seq.ToString("D20", CultureInfo.InvariantCulture) + Suffix);
}
