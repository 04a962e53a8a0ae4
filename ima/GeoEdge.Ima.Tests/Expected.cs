using System.Text.Json;

namespace GeoEdge.Ima.Tests;

/// <summary>The "ima" section of ../shared/testdata/tpm/expected.json: figures computed independently of this code.</summary>
internal static class Expected
{
    public static readonly string[] Lists =
    [
        "ima/keylime/measurements.txt", "ima/keylime/ima-log-sha1", "ima/keylime/ima-log-sha256",
        "ima/keylime/keyrings.txt", "ima/keylime/signatures.txt", "ima/keylime/bad_signatures.txt",
    ];

    private static readonly Lazy<JsonElement> Ima = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(TestData.Tpm("expected.json")));
        return document.RootElement.GetProperty("ima").Clone();
    });

    public static JsonElement For(string list) => Ima.Value.GetProperty(list);

    public static IReadOnlyList<ImaEntry> Entries(string list) => ImaList.Parse(File.ReadAllBytes(TestData.Tpm(list)));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(TestData.Tpm(relative));

    public static string Text(string relative) => File.ReadAllText(TestData.Tpm(relative));
}
