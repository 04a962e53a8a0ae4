using System.Text;
using GeoEdge.Ima;

namespace GeoEdge.Cli.Ima;

/// <summary>`geoedge ima`: reads a measurement list, checks its template hashes, replays PCR 10 and appraises it.</summary>
public static class ImaCommand
{
    public const string Usage = """
        usage: ./geoedge ima FILE [--policy POLICY] [--key PEM]... [--fail-violations] [--json]

          FILE               an IMA measurement list: ascii_runtime_measurements or binary_runtime_measurements
          --policy           a Keylime runtime policy (JSON) or legacy allowlist ("HEX PATH" lines)
          --key              a PEM public key, certificate or private key that ima-sig signatures are checked with
                             (repeatable); with keys but no policy, an entry without a valid signature fails
          --fail-violations  entries with an all-zero template hash fail (Keylime passes them by default)
          --json             one JSON object instead of text
        Appraisal follows Keylime's verifier; without --policy and --key only template hashes and PCRs are checked.
        Exit status: 0 when every entry passed, 1 when one failed, 2 on unusable input.
        """;

    public static int Run(string[] args)
    {
        try
        {
            var options = ImaOptions.Parse(args);
            ImaInspection inspection;
            try
            {
                inspection = ImaInspection.Load(options);
            }
            catch (Exception e) when (e is ImaFormatException or RuntimePolicyException or ImaKeyException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"geoedge ima: {e.Message}");
                return 2;
            }
            Console.WriteLine(options.Json ? ImaReport.Json(inspection) : ImaReport.Text(inspection));
            return inspection.Verdicts.All(v => v.Passed) ? 0 : 1;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"geoedge ima: {e.Message}");
            return 2;
        }
    }
}

/// <summary>The command line of `geoedge ima`.</summary>
internal sealed record ImaOptions(string File, string? Policy, IReadOnlyList<string> Keys, bool FailViolations, bool Json)
{
    public static ImaOptions Parse(string[] args)
    {
        string? file = null, policy = null;
        var keys = new List<string>();
        bool json = false, failViolations = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case "--json": json = true; break;
                case "--fail-violations": failViolations = true; break;
                case "--policy": policy = policy is null ? Value() : throw new ArgumentException("one --policy only"); break;
                case "--key": keys.Add(Value()); break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {arg}\n{ImaCommand.Usage}");
                    file = file is null ? arg : throw new ArgumentException($"one FILE only, got '{file}' and '{arg}'");
                    break;
            }
        }
        return new ImaOptions(file ?? throw new ArgumentException($"FILE is required\n{ImaCommand.Usage}"), policy, keys, failViolations, json);
    }
}

/// <summary>Everything `geoedge ima` found in one list.</summary>
internal sealed record ImaInspection(ImaOptions Options, string Format, IReadOnlyList<ImaEntry> Entries, ImaPcrState Pcr10,
    IReadOnlyList<ImaEntryVerdict> Verdicts, bool Appraised)
{
    public static ImaInspection Load(ImaOptions options)
    {
        var bytes = ReadBounded(options.File, ImaLimits.Default.MaxListBytes);
        var format = ImaList.IsBinary(bytes) ? "binary" : "ascii";
        var entries = ImaList.Parse(bytes);
        RuntimePolicy? policy = null;
        if (options.Policy is { } policyFile)
        {
            var text = ReadBounded(policyFile, 512L << 20);
            policy = text.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("{"u8)
                ? RuntimePolicy.Parse(text)
                : RuntimePolicy.FromAllowlist(Encoding.UTF8.GetString(text));
        }
        var keys = options.Keys.Count == 0 ? null
            : ImaVerificationKeys.FromPem(options.Keys.Select(k => Encoding.UTF8.GetString(ReadBounded(k, 1 << 20))).ToArray());
        var appraiser = new ImaAppraiser(policy, keys, options.FailViolations);
        var verdicts = entries.Select(appraiser.Appraise).ToList();
        return new ImaInspection(options, format, entries, ImaReplay.Extend(ImaPcrState.Initial, entries), verdicts, policy is not null || keys is not null);
    }

    private static byte[] ReadBounded(string path, long limit)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new IOException($"{path}: file does not exist");
        if (info.Length > limit) throw new IOException($"{path}: {info.Length} bytes, more than the limit of {limit}");
        return File.ReadAllBytes(path);
    }
}
