namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// TPMS_CLOCK_INFO (Part 2, 10.11.1). The verifier uses it for freshness: clock only moves forward
/// within one resetCount, and restartCount grows on every TPM Resume/Restart.
/// </summary>
/// <param name="Clock">Milliseconds the TPM has been powered since it was last cleared.</param>
/// <param name="Safe">False when the clock may have been rolled back (an orderly shutdown was missed).</param>
public readonly record struct TpmClockInfo(ulong Clock, uint ResetCount, uint RestartCount, bool Safe)
{
    internal static TpmClockInfo Read(ref TpmReader reader)
    {
        var clock = reader.U64("clockInfo.clock");
        var resetCount = reader.U32("clockInfo.resetCount");
        var restartCount = reader.U32("clockInfo.restartCount");
        var safe = reader.U8("clockInfo.safe");
        if (safe > 1)
            throw reader.Fail("clockInfo.safe", $"TPMI_YES_NO must be 0 or 1, got {safe}");
        return new TpmClockInfo(clock, resetCount, restartCount, safe == 1);
    }
}
