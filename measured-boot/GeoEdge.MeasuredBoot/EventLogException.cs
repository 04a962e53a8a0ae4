namespace GeoEdge.MeasuredBoot;

/// <summary>
/// An event log that cannot be read: empty, truncated, oversized, or with fields that contradict the
/// format. The message names what was wrong and where (byte offset, and the event when known).
/// </summary>
public sealed class EventLogException : Exception
{
    public long Offset { get; }
    public int? EventIndex { get; }

    public EventLogException(string message, long offset, int? eventIndex = null)
        : base(eventIndex is { } index ? $"{message} (event {index}, offset {offset})" : $"{message} (offset {offset})")
    {
        Offset = offset;
        EventIndex = eventIndex;
    }
}
