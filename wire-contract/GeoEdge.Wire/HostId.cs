using System.Text.RegularExpressions;

namespace GeoEdge.Wire;

/// <summary>
/// Host identifiers appear in MQTT topics and in the store, so they are restricted to characters
/// that can never be a topic separator or wildcard (no '/', '+', '#').
/// </summary>
public static partial class HostId
{
    public const int MaxLength = 64;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? hostId) => hostId is not null && Pattern().IsMatch(hostId);

    public static string Validate(string? hostId) =>
        IsValid(hostId)
            ? hostId!
            : throw new WireFormatException($"host id '{Truncate(hostId)}' is not valid: 1-{MaxLength} characters of A-Z a-z 0-9 . _ -, starting with a letter or digit");

    private static string Truncate(string? value) =>
        value is null ? "(null)" : value.Length > 80 ? value[..80] + "..." : value;
}
