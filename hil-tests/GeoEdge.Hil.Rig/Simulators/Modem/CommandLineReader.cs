using System.Text;

namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>A line the host sent; <see cref="Overlong"/> lines were cut off and only their failure is reported.</summary>
internal readonly record struct CommandLine(string Text, bool Overlong);

/// <summary>
/// Cuts the host's bytes into command lines the way V.250 does: CR (S3) ends a line, LF is ignored (so CRLF works),
/// BS (S5) deletes the previous character, empty lines are dropped. A line longer than the module's buffer is discarded
/// up to its CR and reported once as <see cref="CommandLine.Overlong"/>; memory stays bounded whatever arrives.
/// Bytes map to chars one to one (Latin-1), so binary garbage survives to be echoed and refused.
/// </summary>
internal sealed class CommandLineReader(int maxLength)
{
    private const byte Cr = 0x0D;
    private const byte Lf = 0x0A;
    private const byte Backspace = 0x08;
    private readonly StringBuilder _line = new(Math.Min(maxLength, 256));
    private bool _overlong;

    public void Feed(ReadOnlySpan<byte> bytes, ICollection<CommandLine> lines)
    {
        foreach (var b in bytes)
        {
            switch (b)
            {
                case Cr:
                    if (_overlong) lines.Add(new CommandLine("", Overlong: true));
                    else if (_line.Length > 0) lines.Add(new CommandLine(_line.ToString(), Overlong: false));
                    _line.Clear();
                    _overlong = false;
                    break;
                case Lf:
                    break;
                case Backspace:
                    if (_line.Length > 0 && !_overlong) _line.Length--;
                    break;
                default:
                    if (_overlong) break;
                    if (_line.Length >= maxLength)
                    {
                        _overlong = true;
                        _line.Clear();
                    }
                    else _line.Append((char)b);
                    break;
            }
        }
    }

    /// <summary>Forgets a half-received line (the port was reopened: its start belonged to another session).</summary>
    public void Reset()
    {
        _line.Clear();
        _overlong = false;
    }
}
