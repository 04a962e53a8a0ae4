using System.Text.Json;

namespace GeoEdge.Hil.Rig.Camara;

/// <summary>
/// Checks a verify body against the v3 schema. A value of the wrong type, a missing required
/// property, a malformed identifier or an areaType other than CIRCLE is 400 INVALID_ARGUMENT; a
/// number outside its schema range (latitude, longitude, radius below 1 m, negative maxAge) is 400
/// OUT_OF_RANGE. Unknown properties are ignored: the schemas do not forbid them.
/// </summary>
internal static class VerifyRequestParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    public static VerifyRequest Parse(byte[] body)
    {
        if (body.Length == 0) throw CamaraError.InvalidArgument("the request body is required");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw CamaraError.InvalidArgument($"the request body is not valid JSON ({e.Message})");
        }
        using (document)
        {
            var root = RequireObject(document.RootElement, "the request body");
            var device = root.TryGetProperty("device", out var deviceElement) ? DeviceIdentifierRules.Parse(deviceElement) : null;
            if (!root.TryGetProperty("area", out var areaElement)) throw CamaraError.InvalidArgument("area is required");
            var (latitude, longitude, radius) = ParseCircle(areaElement);
            long? maxAge = root.TryGetProperty("maxAge", out var maxAgeElement) ? ParseMaxAge(maxAgeElement) : null;
            return new VerifyRequest(device, latitude, longitude, radius, maxAge);
        }
    }

    private static (double Latitude, double Longitude, double Radius) ParseCircle(JsonElement element)
    {
        var area = RequireObject(element, "area");
        if (!area.TryGetProperty("areaType", out var typeElement)) throw CamaraError.InvalidArgument("area.areaType is required");
        if (typeElement.ValueKind != JsonValueKind.String) throw CamaraError.InvalidArgument("area.areaType must be a string");
        if (typeElement.GetString() != "CIRCLE")
            throw CamaraError.InvalidArgument("area.areaType must be CIRCLE, the only area type of this API");
        if (!area.TryGetProperty("center", out var centerElement)) throw CamaraError.InvalidArgument("area.center is required");
        var center = RequireObject(centerElement, "area.center");
        var latitude = RequireNumber(center, "latitude", "area.center.latitude");
        var longitude = RequireNumber(center, "longitude", "area.center.longitude");
        var radius = RequireNumber(area, "radius", "area.radius");
        if (!(latitude is >= -90 and <= 90)) throw CamaraError.OutOfRange($"area.center.latitude {latitude} is outside -90..90");
        if (!(longitude is >= -180 and <= 180)) throw CamaraError.OutOfRange($"area.center.longitude {longitude} is outside -180..180");
        if (!(radius >= 1)) throw CamaraError.OutOfRange($"area.radius {radius} is below the minimum of 1 meter");
        return (latitude, longitude, radius);
    }

    private static long ParseMaxAge(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Number) throw CamaraError.InvalidArgument("maxAge must be an integer number of seconds");
        long seconds;
        if (!element.TryGetInt64(out seconds))
        {
            // 120.0 is still an integer; 1.5 is not; 1e30 is an integer no clock can honour.
            if (!element.TryGetDouble(out var value) || Math.Floor(value) != value)
                throw CamaraError.InvalidArgument("maxAge must be an integer number of seconds");
            if (value < 0) throw CamaraError.OutOfRange("maxAge must not be negative");
            if (value > int.MaxValue) throw CamaraError.OutOfRange($"maxAge must not exceed {int.MaxValue} seconds");
            seconds = (long)value;
        }
        if (seconds < 0) throw CamaraError.OutOfRange("maxAge must not be negative");
        if (seconds > int.MaxValue) throw CamaraError.OutOfRange($"maxAge must not exceed {int.MaxValue} seconds");
        return seconds;
    }

    internal static JsonElement RequireObject(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw CamaraError.InvalidArgument($"{what} must be a JSON object");

    private static double RequireNumber(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var element)) throw CamaraError.InvalidArgument($"{path} is required");
        if (element.ValueKind != JsonValueKind.Number) throw CamaraError.InvalidArgument($"{path} must be a number");
        // A literal too large for a double (1e400) is out of every range this API has.
        return element.TryGetDouble(out var value) ? value : throw CamaraError.OutOfRange($"{path} is too large");
    }
}
