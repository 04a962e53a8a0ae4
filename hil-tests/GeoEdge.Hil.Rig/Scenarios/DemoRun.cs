using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// Plays a scenario's phases on a running rig. Each phase acts, waits for its awaited verdict, then shows
/// verdicts until it has shown <c>verdictsPerPhase</c> and the last one is again the awaited kind, so that
/// every phase ends on the verdict it is about. Every verdict goes to <c>verdict</c>, in arrival order.
/// </summary>
public static class DemoRun
{
    /// <exception cref="Processes.RigException">No verdict came within <paramref name="verdictTimeout"/>.</exception>
    public static async Task<DemoOutcome> RunAsync(GeoEdgeRig rig, IReadOnlyList<DemoPhase> phases, int verdictsPerPhase, TimeSpan verdictTimeout,
        Action<ResultMessage> verdict, Action<string> progress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(verdictsPerPhase, 1);
        for (var p = 0; p < phases.Count; p++)
        {
            var phase = phases[p];
            var name = $"phase {p + 1}/{phases.Count}";
            if (phase.Act is { } act) progress($"{name}: {act(rig)}");
            progress($"{name}: waiting for {phase.Expected} (at most {phase.MaxWait} verdicts)");
            var waited = 0;
            ResultMessage result;
            do
            {
                if (++waited > phase.MaxWait) return DemoOutcome.Failed($"{name}: no {phase.Expected} among {phase.MaxWait} verdicts");
                result = await rig.Results.NextAsync(verdictTimeout);
                verdict(result);
            } while (!phase.Reached(rig, result));
            progress($"{name}: seq {result.Seq} is {phase.Expected}");

            // Past the awaited verdict the phase may not drift: each verdict must hold, and it ends on an awaited one.
            var shown = 1;
            while (shown < verdictsPerPhase || !phase.Reached(rig, result))
            {
                if (shown >= verdictsPerPhase + phase.MaxWait)
                    return DemoOutcome.Failed($"{name}: {shown} verdicts shown and the last is still not {phase.Expected}");
                result = await rig.Results.NextAsync(verdictTimeout);
                verdict(result);
                shown++;
                if (!phase.Holds(rig, result))
                    return DemoOutcome.Failed($"{name}: seq {result.Seq} was {result.EarStatus}/{result.Geofence ?? "-"} "
                                              + $"({string.Join("; ", result.Reasons)}) after {phase.Expected} had been reached");
            }
        }
        return DemoOutcome.Passed($"every phase ({phases.Count}) showed its expected verdicts");
    }
}

/// <summary>Whether a demo saw the verdicts its scenario expects, and in words what it saw or missed.</summary>
public sealed record DemoOutcome(bool Succeeded, string Summary)
{
    public static DemoOutcome Passed(string summary) => new(true, summary);

    public static DemoOutcome Failed(string summary) => new(false, summary);
}
