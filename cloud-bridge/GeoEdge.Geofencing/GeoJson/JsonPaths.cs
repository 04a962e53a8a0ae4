using System.Text.Json;

namespace GeoEdge.Geofencing.GeoJson;

/// <summary>Member access on <see cref="JsonElement"/> that knows the JSON path it is at, so every error can say where.</summary>
internal static class JsonPaths
{
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static JsonElement Expect(JsonElement element, string path, JsonValueKind kind)
    {
        if (element.ValueKind != kind)
            throw new GeofencePolicyException(path, $"expected {Describe(kind)}, found {Describe(element.ValueKind)}");
        return element;
    }

    public static JsonElement Required(JsonElement obj, string name, string path, JsonValueKind kind) =>
        Expect(Optional(obj, name, path) ?? throw new GeofencePolicyException(Child(path, name), "required member is missing"),
            Child(path, name), kind);

    /// <summary>Looks a member up, refusing duplicates: two "type" members would let two readers disagree on what the object is.</summary>
    public static JsonElement? Optional(JsonElement obj, string name, string path)
    {
        JsonElement? found = null;
        foreach (var property in obj.EnumerateObject())
        {
            if (!property.NameEquals(name)) continue;
            if (found is not null) throw new GeofencePolicyException(Child(path, name), "member appears more than once");
            found = property.Value;
        }
        return found;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
