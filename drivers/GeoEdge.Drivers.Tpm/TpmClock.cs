using GeoEdge.Drivers.Tpm.Encoding;

namespace GeoEdge.Drivers.Tpm;

/// <summary>
/// TPMS_TIME_INFO: Time (ms since the TPM was last powered or reset), and TPMS_CLOCK_INFO: Clock (ms
/// the TPM has been powered in its life, never goes back), ResetCount (TPM resets, e.g. reboots),
/// RestartCount (TPM restarts/resumes since the last reset), Safe (Clock was not rolled back).
/// </summary>
public sealed record TpmClock(ulong Time, ulong Clock, uint ResetCount, uint RestartCount, bool Safe)
{
    /// <summary>Wire size of TPMS_TIME_INFO: UINT64 time, UINT64 clock, UINT32 resetCount, UINT32 restartCount, TPMI_YES_NO safe.</summary>
    public const int WireSize = 25;

    public static TpmClock Parse(ReadOnlySpan<byte> timeInfo)
    {
        var reader = new TpmReader(timeInfo, "TPMS_TIME_INFO");
        var clock = new TpmClock(reader.U64(), reader.U64(), reader.U32(), reader.U32(), SafeFlag(reader.U8()));
        reader.ExpectEnd();
        return clock;
    }

    private static bool SafeFlag(byte value) => value switch
    {
        0 => false,
        1 => true,
        _ => throw new TpmFormatException($"TPMS_TIME_INFO: safe is {value}, a TPMI_YES_NO is 0 or 1"),
    };
}
