using System.Runtime.InteropServices;

namespace GeoEdge.Drivers.Modem;

/// <summary>
/// A SIM-detect switch on a GPIO line, through libgpiod v1. <paramref name="chip"/> is anything
/// gpiod_chip_open_lookup accepts ("gpiochip0", "/dev/gpiochip0", a label, a number);
/// <paramref name="activeLow"/> says the line reads 0 when a card is present (the usual
/// pull-up-and-switch-to-ground wiring). The line is requested as input for this object's
/// lifetime; dispose to release it. Not thread-safe: read it from one thread.
/// </summary>
public sealed class GpiodSimDetectLine : ISimDetectLine, IDisposable
{
    private const string Consumer = "geoedge-sim-detect";

    private readonly bool _activeLow;
    private nint _chip;
    private nint _line;

    public string Chip { get; }
    public int Line { get; }

    /// <exception cref="SimDetectException">libgpiod.so.2 is missing, or the chip or line cannot be opened or requested.</exception>
    public GpiodSimDetectLine(string chip, int line, bool activeLow) : this(chip, line, activeLow, LibGpiod.Library)
    {
    }

    /// <summary>Checks for <paramref name="library"/> first, so that a missing libgpiod is named before any call binds to it.</summary>
    internal GpiodSimDetectLine(string chip, int line, bool activeLow, string library)
    {
        ArgumentException.ThrowIfNullOrEmpty(chip);
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        Chip = chip;
        Line = line;
        _activeLow = activeLow;
        if (!NativeLibrary.TryLoad(library, out var handle))
            throw new SimDetectException($"SIM detect {Describe()}: {library} cannot be loaded; is libgpiod v1 installed (Debian package libgpiod2)?");
        NativeLibrary.Free(handle);
        try
        {
            Open();
        }
        catch (DllNotFoundException e)
        {
            throw new SimDetectException($"SIM detect {Describe()}: {LibGpiod.Library} is not installed (Debian package libgpiod2)", e);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new SimDetectException($"SIM detect {Describe()}: {LibGpiod.Library} is not the libgpiod v1 API ({e.Message})", e);
        }
    }

    public bool? IsInserted()
    {
        ObjectDisposedException.ThrowIf(_line == 0, this);
        var value = LibGpiod.LineGetValue(_line);
        if (value < 0) throw Failure("gpiod_line_get_value");
        return (value == 1) != _activeLow;
    }

    public void Dispose()
    {
        if (_line != 0) LibGpiod.LineRelease(_line);
        if (_chip != 0) LibGpiod.ChipClose(_chip);
        _line = 0;
        _chip = 0;
    }

    private void Open()
    {
        _chip = LibGpiod.ChipOpenLookup(Chip);
        if (_chip == 0) throw Failure("gpiod_chip_open_lookup");
        try
        {
            var line = LibGpiod.ChipGetLine(_chip, (uint)Line);
            if (line == 0) throw Failure("gpiod_chip_get_line");
            if (LibGpiod.LineRequestInput(line, Consumer) < 0) throw Failure("gpiod_line_request_input");
            _line = line;
        }
        catch
        {
            LibGpiod.ChipClose(_chip);
            _chip = 0;
            throw;
        }
    }

    private SimDetectException Failure(string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new SimDetectException($"SIM detect {Describe()}: {call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    private string Describe() => $"line {Line} of chip '{Chip}'";
}
