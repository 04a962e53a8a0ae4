using System.Text.Json;

namespace GeoEdge.Ear;

/// <summary>Builds the JSON values of extra claims without reflection-based serialisation.</summary>
public static class ClaimValues
{
    /// <summary>Parses one JSON value (object, array, string, number...) given as text.</summary>
    /// <exception cref="JsonException">the text is not one well-formed JSON value.</exception>
    public static JsonElement FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement FromString(string value) => Build(writer => writer.WriteStringValue(value));

    public static JsonElement FromStrings(IEnumerable<string> values) => Build(writer =>
    {
        writer.WriteStartArray();
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    });

    /// <summary>Writes a value with a caller-supplied writer callback; the callback must write exactly one JSON value.</summary>
    public static JsonElement Build(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
