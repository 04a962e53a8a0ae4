using GeoEdge.Bridge.Verification;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Composition;

/// <summary>
/// Compares what a reading says the host is made of (modem IMEI, SIM ICCID and IMSI) with the
/// composition an operator approved (at enrollment, or later through the API). Any difference is
/// contraindicated and names each field, old and new: a swapped SIM or modem is exactly what moving a
/// host's identity to another box looks like. The observed composition is kept for the operator to
/// approve; until then every reading says the same.
/// </summary>
public static class CompositionCheck
{
    public sealed record Result(IReadOnlyList<AppraisalFinding> Findings, HostComposition? Observed)
    {
        public static Result Unchanged { get; } = new([], null);
    }

    public static Result Check(HostComposition approved, ModemReport? modem)
    {
        if (modem is null)
        {
            if (approved.Imei is null && approved.Iccid is null && approved.Imsi is null) return Result.Unchanged;
            return new Result([AppraisalFinding.Contra(FindingCodes.CompositionChanged,
                $"the reading reports no modem, but the approved composition has one (IMEI {approved.Imei ?? "-"}, ICCID {approved.Iccid ?? "-"})")],
                approved with { Imei = null, Iccid = null, Imsi = null });
        }

        var findings = new List<AppraisalFinding>();
        var removed = modem.Sim == SimStates.NotInserted || modem.SimDetect == false;
        if (removed)
            findings.Add(AppraisalFinding.Contra(FindingCodes.SimRemoved,
                $"the SIM is not in the modem ({(modem.SimDetect == false ? "SIM-detect line off" : "+CPIN: SIM not inserted")}); the approved SIM is ICCID {approved.Iccid ?? "-"}"));
        else if (modem.Sim != SimStates.Ready)
        {
            // The SIM is there but cannot be read: nothing to compare, and nothing to approve.
            findings.Add(AppraisalFinding.Warn(FindingCodes.SimNotReady, $"the SIM is {modem.Sim}: its ICCID and IMSI cannot be read"));
            return new Result(findings, null);
        }

        var observed = approved with
        {
            Imei = modem.Imei ?? approved.Imei,
            Iccid = removed ? null : modem.Iccid,
            Imsi = removed ? null : modem.Imsi,
        };
        var changes = new List<string>();
        Compare("IMEI", approved.Imei, observed.Imei, "modem replaced", changes);
        if (!removed)
        {
            Compare("ICCID", approved.Iccid, observed.Iccid, "SIM swapped", changes);
            Compare("IMSI", approved.Imsi, observed.Imsi, "subscription changed", changes);
        }
        if (changes.Count > 0)
            findings.Add(AppraisalFinding.Contra(FindingCodes.CompositionChanged, $"{string.Join("; ", changes)}: approve the new composition to accept it"));
        return findings.Count == 0 ? Result.Unchanged : new Result(findings, observed);
    }

    private static void Compare(string field, string? approved, string? observed, string meaning, List<string> changes)
    {
        if (string.Equals(approved, observed, StringComparison.Ordinal)) return;
        changes.Add($"{field} {approved ?? "(none)"} -> {observed ?? "(none)"} ({meaning})");
    }
}
