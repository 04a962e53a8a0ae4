namespace GeoEdge.MeasuredBoot;

/// <summary>What an event's data means, as far as its type defines it. Produced by <see cref="EventDecoder"/>.</summary>
public abstract record DecodedEvent
{
    /// <summary>One human-readable line (no line breaks, bounded length).</summary>
    public abstract string Describe();
}
