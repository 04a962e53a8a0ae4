using System.Text.Json;

namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Parsed real logs of the shared test data, including the one inside the Windows GCP attestation JSON.</summary>
internal static class LogFiles
{
    public const string WindowsGcp = "eventlogs/go-attestation/windows_gcp_shielded_vm.json";

    public static TcgEventLog Parse(string relative) => TcgEventLog.Parse(Bytes(relative));

    public static byte[] Bytes(string relative) =>
        relative == WindowsGcp ? WindowsGcpJson().GetProperty("Log").GetProperty("Raw").GetBytesFromBase64() : ExpectedValues.LogBytes(relative);

    public static JsonElement WindowsGcpJson() => JsonDocument.Parse(File.ReadAllBytes(TestData.Tpm(WindowsGcp))).RootElement;

    /// <summary>Every parsable log, the Windows one included.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var relative in ExpectedValues.ParsableLogs()) data.Add(relative);
        data.Add(WindowsGcp);
        return data;
    }
}
