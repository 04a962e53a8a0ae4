using System.Globalization;

namespace GeoEdge.Cli.Verify;

/// <summary>The arguments of `geoedge verify`, checked for shape (files are read by the checks).</summary>
internal sealed record VerifyOptions(string EarPath, string KeysPath, string? ProofPath, string? TimestampPath, string? TsaCaPath,
    DateTimeOffset At, TimeSpan Skew, bool Json)
{
    public static VerifyOptions Parse(string[] args)
    {
        string? ear = null, keys = null, proof = null, timestamp = null, tsaCa = null;
        var at = DateTimeOffset.UtcNow;
        var skew = TimeSpan.FromSeconds(60);
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n{VerifyCommand.Usage}");
            switch (args[i])
            {
                case "--keys": keys = Value(); break;
                case "--proof": proof = Value(); break;
                case "--timestamp": timestamp = Value(); break;
                case "--tsa-ca": tsaCa = Value(); break;
                case "--json": json = true; break;
                case "--at":
                    var text = Value();
                    at = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                        ? parsed : throw new ArgumentException($"--at takes an ISO 8601 time, got '{text}'");
                    break;
                case "--skew":
                    var seconds = Value();
                    skew = int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s <= 3600
                        ? TimeSpan.FromSeconds(s) : throw new ArgumentException($"--skew takes 0 to 3600 seconds, got '{seconds}'");
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {args[i]}\n{VerifyCommand.Usage}");
                    ear = ear is null ? args[i] : throw new ArgumentException($"one EAR only, got '{ear}' and '{args[i]}'");
                    break;
            }
        }
        if (ear is null) throw new ArgumentException($"EAR.jwt is required\n{VerifyCommand.Usage}");
        if (keys is null) throw new ArgumentException("--keys BRIDGE_KEYS is required: without the bridge's keys nothing can be verified");
        if ((timestamp is null) != (tsaCa is null)) throw new ArgumentException("--timestamp and --tsa-ca go together");
        return new VerifyOptions(ear, keys, proof, timestamp, tsaCa, at, skew, json);
    }
}
