using GeoEdge.Hil.Rig.Composition;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>
/// One phase of a demo: what the demo does to the system as the phase begins, the verdict showing that the
/// system noticed, and what every later verdict must be while the phase lasts. Verdicts before the awaited one
/// are whatever they are: readings already on their way still tell the previous phase's story.
/// </summary>
/// <param name="Act">Changes the rig (the simulated receiver, the sky) and says what it did, for the progress line; null: only watch.</param>
/// <param name="Expected">The awaited verdict in words, for the progress lines.</param>
/// <param name="Reached">The verdict the phase waits for.</param>
/// <param name="Holds">What every verdict after the awaited one must satisfy until the phase ends.</param>
/// <param name="MaxWait">How many verdicts the phase waits at most for <paramref name="Reached"/>.</param>
public sealed record DemoPhase(
    Func<GeoEdgeRig, string>? Act,
    string Expected,
    Func<GeoEdgeRig, ResultMessage, bool> Reached,
    Func<GeoEdgeRig, ResultMessage, bool> Holds,
    int MaxWait);
