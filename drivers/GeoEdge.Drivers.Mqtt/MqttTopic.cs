using System.Text;

namespace GeoEdge.Drivers.Mqtt;

/// <summary>
/// Topic checks done before anything reaches native code, so that a bad topic is a clear
/// <see cref="ArgumentException"/> naming the problem instead of libmosquitto's bare "invalid
/// arguments". Rules: MQTT v5 section 4.7 (UTF-8 string of at most 65535 bytes, no U+0000, wildcards
/// only in filters and only as whole levels) plus libmosquitto's refusal of control characters.
/// </summary>
public static class MqttTopic
{
    public const int MaxLengthBytes = 65535;
    private const string SharedPrefix = "$share/";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A topic name to publish to: no wildcards.</summary>
    public static void ValidatePublishTopic(string topic)
    {
        ValidateText(topic, "publish topic");
        var wildcard = topic.AsSpan().IndexOfAny('+', '#');
        if (wildcard >= 0)
            throw new ArgumentException($"publish topic '{topic}' contains the wildcard '{topic[wildcard]}' at {wildcard}; wildcards are only allowed in subscriptions", nameof(topic));
    }

    /// <summary>A subscription filter, including shared subscriptions ($share/group/filter).</summary>
    public static void ValidateTopicFilter(string filter)
    {
        ValidateText(filter, "topic filter");
        var levels = filter;
        if (filter.StartsWith(SharedPrefix, StringComparison.Ordinal))
        {
            var rest = filter[SharedPrefix.Length..];
            var slash = rest.IndexOf('/');
            if (slash <= 0 || slash == rest.Length - 1)
                throw new ArgumentException($"shared subscription '{filter}' must be $share/<group>/<filter> with a non-empty group and filter", nameof(filter));
            var group = rest[..slash];
            if (group.AsSpan().IndexOfAny('+', '#') >= 0)
                throw new ArgumentException($"shared subscription group '{group}' must not contain wildcards", nameof(filter));
            levels = rest[(slash + 1)..];
        }

        var parts = levels.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var level = parts[i];
            if (level.Contains('#') && (level != "#" || i != parts.Length - 1))
                throw new ArgumentException($"topic filter '{filter}': '#' must be a whole level and the last one", nameof(filter));
            if (level.Contains('+') && level != "+")
                throw new ArgumentException($"topic filter '{filter}': '+' must be a whole level", nameof(filter));
        }
    }

    private static void ValidateText(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw new ArgumentException($"{what} is empty", nameof(text));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') throw new ArgumentException($"{what} contains U+0000 at {i}", nameof(text));
            if (char.IsControl(c)) throw new ArgumentException($"{what} contains the control character U+{(int)c:X4} at {i}", nameof(text));
        }
        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"{what} is not valid Unicode (lone surrogate at {e.Index})", nameof(text), e);
        }
        if (bytes > MaxLengthBytes)
            throw new ArgumentException($"{what} is {bytes} bytes of UTF-8; MQTT allows at most {MaxLengthBytes}", nameof(text));
    }
}
