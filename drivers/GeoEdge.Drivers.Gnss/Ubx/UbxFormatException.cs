namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>A UBX payload that does not match its documented layout; names the message and field.</summary>
public sealed class UbxFormatException(string messageName, string field, string detail)
    : FormatException($"{messageName}: {field}: {detail}")
{
    public string MessageName { get; } = messageName;
    public string Field { get; } = field;
}
