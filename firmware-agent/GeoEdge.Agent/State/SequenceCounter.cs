using System.Globalization;
using System.Text;

namespace GeoEdge.Agent.State;

/// <summary>
/// The reading sequence number, persisted before each use: after a crash the agent continues above
/// every number it may have handed out, so the bridge never sees a sequence number twice.
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

    public ulong Last => _last;

    public ulong Next()
    {
        var next = _last + 1;
        DurableFile.Write(_path, Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture)));
        _last = next;
        return next;
    }
}
