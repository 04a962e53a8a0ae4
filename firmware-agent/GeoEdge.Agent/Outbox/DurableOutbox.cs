using System.Globalization;

namespace GeoEdge.Agent.Outbox;

/// <summary>
/// Readings waiting for the broker's acknowledgement, one file per reading named by its sequence
/// number, deleted only after the PUBACK. A reading enters in two steps around the commit of its
/// sequence number: <see cref="Stage"/> (durable, invisible to the publisher), then
/// <see cref="Release"/>. After a crash, <see cref="Recover"/> releases what was staged under a
/// committed number and drops what was not, so no committed number is ever missing. The oldest
/// reading always goes first, so delivery stays in order.
/// </summary>
public sealed class DurableOutbox
{
    private const string ReadySuffix = ".reading";
    private const string StagedSuffix = ".staged";
    private readonly string _directory;

    public DurableOutbox(string stateDirectory)
    {
        _directory = Path.Combine(stateDirectory, "outbox");
        Directory.CreateDirectory(_directory);
    }

    /// <summary>Finishes what a crash interrupted, given the last committed sequence number.</summary>
    public void Recover(ulong committedSeq)
    {
        // A .tmp is a write that never completed: it was never staged.
        foreach (var temp in Directory.EnumerateFiles(_directory, "*.tmp")) File.Delete(temp);
        foreach (var seq in Sequences(StagedSuffix))
        {
            if (seq <= committedSeq) Release(seq);
            else File.Delete(PathOf(seq, StagedSuffix));
        }
    }

    /// <summary>Writes the reading durably without offering it to the publisher yet.</summary>
    public void Stage(ulong seq, ReadOnlySpan<byte> message) => State.DurableFile.Write(PathOf(seq, StagedSuffix), message);

    /// <summary>Offers a staged reading to the publisher.</summary>
    public void Release(ulong seq)
    {
        File.Move(PathOf(seq, StagedSuffix), PathOf(seq, ReadySuffix));
        State.DurableFile.SyncDirectory(_directory);
    }

    /// <summary>The oldest waiting reading, or null when the outbox is empty.</summary>
    public (ulong Seq, byte[] Message)? Oldest()
    {
        var oldest = Sequences(ReadySuffix).FirstOrDefault();
        return oldest == 0 ? null : (oldest, File.ReadAllBytes(PathOf(oldest, ReadySuffix)));
    }

    public int Count => Sequences(ReadySuffix).Count();

    public void Remove(ulong seq) => State.DurableFile.Delete(PathOf(seq, ReadySuffix));

    /// <summary>Moves an unreadable entry aside (kept for inspection, never published) so the queue goes on.</summary>
    public void Quarantine(ulong seq)
    {
        File.Move(PathOf(seq, ReadySuffix), PathOf(seq, ".corrupt"), overwrite: true);
        State.DurableFile.SyncDirectory(_directory);
    }

    private IEnumerable<ulong> Sequences(string suffix) =>
        Directory.EnumerateFiles(_directory, "*" + suffix)
            .Select(f => Path.GetFileName(f))
            .Select(n => ulong.TryParse(n.AsSpan(0, n.Length - suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0)
            .Where(s => s != 0)
            .Order();

    private string PathOf(ulong seq, string suffix) => Path.Combine(_directory, seq.ToString("D20", CultureInfo.InvariantCulture) + suffix);
}
