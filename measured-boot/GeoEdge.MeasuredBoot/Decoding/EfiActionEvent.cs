namespace GeoEdge.MeasuredBoot;

/// <summary>EV_EFI_ACTION or EV_ACTION: an ASCII action string such as "Calling EFI Application from Boot Option".</summary>
public sealed record EfiActionEvent(string Text) : DecodedEvent
{
    public override string Describe() => $"action: {Text}";
}
