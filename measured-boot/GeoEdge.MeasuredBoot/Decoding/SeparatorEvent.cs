namespace GeoEdge.MeasuredBoot;

/// <summary>
/// EV_SEPARATOR: the end of the pre-OS phase for one PCR. Its data is 0x00000000, or 0xFFFFFFFF when the
/// firmware hit an error while measuring (PC Client PFP, section 10.4.1).
/// </summary>
public sealed record SeparatorEvent(bool IsError) : DecodedEvent
{
    public override string Describe() => IsError ? "separator (error: 0xFFFFFFFF)" : "separator";
}
