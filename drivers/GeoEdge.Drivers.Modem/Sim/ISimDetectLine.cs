using System.Runtime.CompilerServices;

namespace GeoEdge.Drivers.Modem;

/// <summary>
/// The SIM tray's card-detect switch, read independently of the modem: a SIM pulled while the
/// modem still reports the cached identity shows up here first.
/// </summary>
public interface ISimDetectLine
{
    /// <summary>True: a card is in the tray; false: empty; null: this line cannot tell.</summary>
    /// <exception cref="SimDetectException">The line could not be read.</exception>
    bool? IsInserted();
}

/// <summary>The SIM-detect line could not be opened or read; the message names the chip, line and cause.</summary>
public sealed class SimDetectException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A settable stand-in for hosts without a detect line, and for tests.</summary>
public sealed class FakeSimDetectLine(bool? inserted = true) : ISimDetectLine
{
    private volatile StrongBox<bool?> _state = new(inserted);

    public bool? Inserted
    {
        get => _state.Value;
        set => _state = new StrongBox<bool?>(value);
    }

    public bool? IsInserted() => Inserted;
}
