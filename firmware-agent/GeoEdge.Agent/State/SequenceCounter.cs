using System.Globalization;
using System.Text;

namespace GeoEdge.Agent.State;

/// <summary>
/// The reading sequence number. A number is committed (written durably) only once its reading is
/// staged in the outbox, so after a crash the agent continues above every number it committed and
/// never skips or reuses one that a delivered reading carries.
/// </summary>
public sealed class SequenceCounter
{
    private readonly string _path;
    private ulong _last;

    public SequenceCounter(string stateDirectory)
    {
        _path = Path.Combine(stateDirectory, "seq");
        if (!File.Exists(_path)) return;
        var text = File.ReadAllText(_path).Trim();
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _last))
            throw new InvalidDataException($"sequence file '{_path}' is corrupt ('{(text.Length > 40 ? text[..40] : text)}'); refusing to guess a sequence number");
    }

    /// <summary>The last committed sequence number (0 before the first).</summary>
    public ulong Last => _last;

    /// <summary>The number the next reading will carry; nothing is written until <see cref="Commit"/>.</summary>
    public ulong Peek() => _last + 1;

    public void Commit(ulong seq)
    {
        if (seq != _last + 1) throw new InvalidOperationException($"sequence {seq} committed out of order (last {_last})");
        DurableFile.Write(_path, Encoding.ASCII.GetBytes(seq.ToString(CultureInfo.InvariantCulture)));
        _last = seq;
    }
}
