using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GeoEdge.Cli.Verify;

/// <summary>
/// What `geoedge verify` checked, in order, each with what held or why it failed, and what the result says.
/// Printed as lines for people ("ok   signature: ...", "FAIL log-inclusion: ...") or as one JSON document.
/// </summary>
internal sealed class VerificationReport
{
    private readonly List<(string Check, bool Held, string Detail)> _checks = [];
    private readonly JsonObject _claims = [];

    public bool AllHeld => _checks.All(c => c.Held);

    public void Held(string check, string detail) => _checks.Add((check, true, detail));

    public void Failed(string check, string detail) => _checks.Add((check, false, detail));

    /// <summary>A claim of the verified result worth showing (status, geofence, jurisdiction...).</summary>
    public void Claim(string name, JsonNode? value) => _claims[name] = value;

    public void Print(bool json)
    {
        if (json)
        {
            var checks = new JsonArray([.. _checks.Select(c => (JsonNode)new JsonObject { ["check"] = c.Check, ["held"] = c.Held, ["detail"] = c.Detail })]);
            var document = new JsonObject { ["valid"] = AllHeld, ["checks"] = checks, ["claims"] = _claims.DeepClone() };
            Console.WriteLine(document.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return;
        }
        foreach (var (check, held, detail) in _checks) Console.WriteLine($"{(held ? "ok  " : "FAIL")} {check}: {detail}");
        foreach (var (name, value) in _claims) Console.WriteLine($"     {name} = {value?.ToJsonString() ?? "null"}");
        Console.WriteLine(AllHeld ? "verified: every check held" : $"NOT verified: {string.Join(", ", _checks.Where(c => !c.Held).Select(c => c.Check))} failed");
    }
}
