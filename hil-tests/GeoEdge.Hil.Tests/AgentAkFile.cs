using System.Text.Json;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// The agent's record of its AK (ak.json in its state directory): the bridge's API gives only the AK
/// name, so tests that need the AK public key itself read it where the agent keeps it.
/// </summary>
public static class AgentAkFile
{
    /// <summary>The AK's TPM2B_PUBLIC bytes (the record's base64 "public" member).</summary>
    public static byte[] ReadPublic(string agentStateDirectory)
    {
        var path = Path.Combine(agentStateDirectory, "ak.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("public").GetBytesFromBase64();
    }
}
