using GeoEdge.Bridge.Store;
using GeoEdge.Bridge.Verification;
using GeoEdge.MeasuredBoot;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Bridge.Appraisal;

/// <summary>
/// Appraises what a host runs, on readings whose quote was verified: the boot event log against PCRs
/// 0-7 and the measured-boot reference values, the IMA entries against PCR 10 and the runtime policy.
/// It reads the host's platform state but does not store it: the new state goes into the store with
/// the reading (BridgeStore.TryAcceptReading), so a reading refused there changes nothing.
/// </summary>
public sealed class PlatformAppraiser(BridgeStore store, PlatformPolicies policies)
{
    public PlatformAppraisal Appraise(string hostId, AttestedReading message, TpmCounters counters)
    {
        var stored = store.GetPlatformState(hostId);
        // A TPM reset means a reboot: nothing verified of the previous boot still holds.
        var state = stored is not null && stored.ResetCount == counters.ResetCount ? stored : new PlatformState(hostId, counters.ResetCount);
        if (!TpmHashAlgorithms.TryParse(message.PcrBank, out var bank))
            return new PlatformAppraisal([AppraisalFinding.Contra(FindingCodes.BootLogMismatch, $"PCR bank '{message.PcrBank}' cannot be replayed")], state);

        var boot = BootLogAppraisal.Appraise(message.BootLog, message.Pcrs, bank, state, policies.Boot);
        var ima = ImaLogAppraisal.Appraise(message.ImaStart, message.ImaEntries, message.Pcrs, boot.State, policies);
        return new PlatformAppraisal([.. boot.Findings, .. ima.Findings], ima.State)
        {
            BootLogWanted = boot.LogWanted,
            ImaResendFrom = ima.ResendFrom,
            ExitBootServicesWorkaround = boot.Workaround,
        };
    }
}
