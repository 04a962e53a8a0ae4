using System.Text.Json;

namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>expected.json beside the shared TPM test data: per log, its format, counts and PCR values.</summary>
internal static class ExpectedValues
{
    private static readonly JsonElement Root = JsonDocument.Parse(File.ReadAllBytes(TestData.Tpm("expected.json"))).RootElement;

    public static JsonElement EventLog(string relative) => Root.GetProperty("eventlogs").GetProperty(relative);

    /// <summary>Every event log listed with a format (the ones that must parse).</summary>
    public static TheoryData<string> ParsableLogs()
    {
        var data = new TheoryData<string>();
        foreach (var log in Root.GetProperty("eventlogs").EnumerateObject())
            if (log.Value.TryGetProperty("format", out _) && !log.Name.EndsWith(".json", StringComparison.Ordinal)) data.Add(log.Name);
        return data;
    }

    /// <summary>The log's bytes; mb_log.b64 is base64 text.</summary>
    public static byte[] LogBytes(string relative)
    {
        var bytes = File.ReadAllBytes(TestData.Tpm(relative));
        return relative.EndsWith(".b64", StringComparison.Ordinal) ? Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(bytes)) : bytes;
    }
}
