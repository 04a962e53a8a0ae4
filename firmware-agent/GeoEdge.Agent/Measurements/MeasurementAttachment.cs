namespace GeoEdge.Agent.Measurements;

/// <summary>What of the host's measurements goes with one reading (each part null when nothing is new).</summary>
public sealed record MeasurementAttachment(byte[]? BootLog, int? ImaStart, byte[]? ImaEntries)
{
    public static MeasurementAttachment None { get; } = new(null, null, null);
}
