namespace GeoEdge.MeasuredBoot;

/// <summary>
/// EV_NO_ACTION: informational, never extended. <see cref="Kind"/> is "Spec ID Event03", "StartupLocality 3",
/// "SP800-155 Event", "NvIndexInstance", ... or "other".
/// </summary>
public sealed record NoActionEvent(string Kind) : DecodedEvent
{
    public override string Describe() => $"no action: {Kind}";
}
