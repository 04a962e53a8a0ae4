namespace GeoEdge.MeasuredBoot;

/// <summary>An event whose data this library does not interpret, or could not: <see cref="Reason"/> says which.</summary>
public sealed record OpaqueEvent(string Reason) : DecodedEvent
{
    public override string Describe() => Reason;
}
