using GeoEdge.MeasuredBoot;

namespace GeoEdge.Cli.EventLog;

/// <summary>`geoedge eventlog`: parses a TCG event log, replays it and shows what it says about the boot.</summary>
public static class EventLogCommand
{
    public const string Usage = """
        usage: ./geoedge eventlog FILE [--base64] [--json] [--verbose]

          FILE        a TCG PC Client event log (/sys/kernel/security/tpm0/binary_bios_measurements), SHA1 or crypto-agile
          --base64    FILE holds the log as base64 text (as Keylime stores it)
          --json      one JSON object: format, event count, StartupLocality, replayed PCRs per bank, Secure Boot
          --verbose   with --json, every event too; in text, every event's digests
        Exit status: 0 when the log parses, 2 when it cannot be read or is not a valid event log.
        """;

    public static int Run(string[] args)
    {
        var (file, base64, json, verbose) = Parse(args);
        TcgEventLog log;
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (base64) bytes = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(bytes).Trim());
            log = TcgEventLog.Parse(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(file, e.Message);
        }
        catch (FormatException e)
        {
            return Fail(file, $"not base64: {e.Message}");
        }
        catch (EventLogException e)
        {
            return Fail(file, $"not a valid event log: {e.Message}");
        }
        var summary = EventLogSummary.Of(log);
        Console.Out.Write(json ? EventLogJson.Write(summary, verbose) : EventLogText.Write(summary, verbose));
        return 0;
    }

    private static int Fail(string file, string message)
    {
        Console.Error.WriteLine($"geoedge eventlog: {file}: {message}");
        return 2;
    }

    private static (string File, bool Base64, bool Json, bool Verbose) Parse(string[] args)
    {
        string? file = null;
        bool base64 = false, json = false, verbose = false;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--base64": base64 = true; break;
                case "--json": json = true; break;
                case "--verbose": verbose = true; break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {arg}\n{Usage}");
                    if (file is not null) throw new ArgumentException($"one FILE only, got '{file}' and '{arg}'");
                    file = arg;
                    break;
            }
        }
        return (file ?? throw new ArgumentException($"FILE is required\n{Usage}"), base64, json, verbose);
    }
}
