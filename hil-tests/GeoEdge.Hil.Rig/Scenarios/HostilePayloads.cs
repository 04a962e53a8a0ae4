using System.Text;

namespace GeoEdge.Hil.Rig.Scenarios;

/// <summary>One payload an attacker or a broken client might publish, with a name for test output.</summary>
public sealed record HostilePayload(string Name, byte[] Bytes)
{
    public override string ToString() => $"{Name} ({Bytes.Length} bytes)";
}

/// <summary>
/// Payloads that are not a valid wire message of any kind: every one must be refused as
/// "malformed-payload" on every topic the bridge listens to, without hurting anybody else's traffic.
/// </summary>
public static class HostilePayloads
{
    /// <summary>Stays under the wire limit (1 MiB) so the JSON parser, not the size check, has to deal with it.</summary>
    private const int LargeStringBytes = 900 * 1024;

    private const int NestingDepth = 10_000;

    public static IReadOnlyList<HostilePayload> All { get; } = Build();

    private static IReadOnlyList<HostilePayload> Build()
    {
        var random = new Random(20250101); // fixed seed: a failure can be reproduced byte for byte
        var noise = new byte[4096];
        random.NextBytes(noise);
        return
        [
            new("empty", []),
            new("random bytes", noise),
            new("invalid UTF-8", [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
            Text("JSON null", "null"),
            Text("JSON empty array", "[]"),
            Text("JSON empty object", "{}"),
            Text("JSON number", "42"),
            Text("truncated JSON", """{"reading":"AAAA","quoteAttest":"""),
            Text("object with wrong types",
                """{"hostId":7,"reading":true,"quoteAttest":[1,2],"quoteSignature":{},"pcrBank":12,"pcrs":"x","challengeId":false,"secret":3.5,"enrolled":"yes"}"""),
            Text("900 KB JSON string", "\"" + new string('A', LargeStringBytes) + "\""),
            Text("attested reading whose reading is not base64",
                """{"reading":"this is *not* base64!","quoteAttest":"AAAA","quoteSignature":"AAAA","pcrBank":"sha256","pcrs":{}}"""),
            Text("attested reading with a non-numeric PCR index",
                """{"reading":"AAAA","quoteAttest":"AAAA","quoteSignature":"AAAA","pcrBank":"sha256","pcrs":{"ten":"AAAA"}}"""),
            Text("deeply nested arrays", new string('[', NestingDepth) + new string(']', NestingDepth)),
            Text("deeply nested objects", string.Concat(Enumerable.Repeat("{\"a\":", NestingDepth)) + "1" + new string('}', NestingDepth)),
            new("over the 1 MiB wire limit", Encoding.UTF8.GetBytes("\"" + new string('B', (1 << 20) + 16) + "\"")),
        ];
    }

    private static HostilePayload Text(string name, string json) => new(name, Encoding.UTF8.GetBytes(json));
}
