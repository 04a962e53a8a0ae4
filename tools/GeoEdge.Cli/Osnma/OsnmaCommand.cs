using System.Diagnostics;
using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Osnma;

namespace GeoEdge.Cli.Osnma;

/// <summary>`geoedge osnma`: verifies the OSNMA of a recording and prints what held and what failed.</summary>
public static class OsnmaCommand
{
    public const string Usage = """
        usage: ./geoedge osnma INPUT --merkle TREE.xml [--pubkey KEY.xml] [--kroot KROOT.txt] [--start WN:TOW] [--json] [--verbose]

          INPUT          an official OSNMA test-vector CSV or a UBX capture (UBX-RXM-SFRBX + UBX-NAV-TIMEGAL), plain or .gz
          --merkle       the GSC Merkle tree (OSNMA_MerkleTree*.xml): the root every public key is checked against
          --pubkey       a public key (OSNMA_PublicKey*.xml) to start warm; without it the key must arrive by DSM-PKR (cold)
          --kroot        a DSM-KROOT with its NMA header (two hex lines) to start hot
          --start        GST of the first CSV page when the file name does not carry it
          --json         one JSON object instead of text
          --verbose      every verifier event on stderr
        Exit status: 0 when nothing failed, 1 when a tag, key, KROOT or MACSEQ failed, 2 on unusable input.
        The recording's own time is taken as trusted time: this checks the cryptography of an archive,
        not whether a live sky is genuine.
        """;

    public static int Run(string[] args)
    {
        var (input, options) = Parse(args);
        if (!options.TryGetValue("merkle", out var merkle)) throw new ArgumentException($"--merkle TREE.xml is required\n{Usage}");
        OsnmaTrustAnchors anchors;
        OsnmaInput source;
        try
        {
            anchors = OsnmaTrustAnchors.FromFiles(merkle, options.GetValueOrDefault("pubkey"), options.GetValueOrDefault("kroot"));
            source = OsnmaInput.Load(input, options.TryGetValue("start", out var start) ? ParseStart(start) : null);
        }
        catch (Exception e) when (e is OsnmaFormatException or GalileoRecordingException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"geoedge osnma: {e.Message}");
            return 2;
        }
        if (source.Pages.Count == 0)
        {
            Console.Error.WriteLine($"geoedge osnma: {input}: no Galileo pages");
            return 2;
        }
        var verbose = options.ContainsKey("verbose");
        var run = OsnmaRun.Execute(source.Pages, anchors, verbose ? e => Console.Error.WriteLine($"{e.At} {e.Kind}: {e.Message}") : null);
        // Read last, so that the peak covers loading and verification; on Linux it is VmHWM of /proc/self/status.
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(options.ContainsKey("json") ? OsnmaReport.Json(input, source, run, peak) : OsnmaReport.Text(input, source, run, peak));
        var c = run.Counters;
        return c.TagsFailed + c.KrootFailed + c.PublicKeysFailed + c.MacseqFailed + c.TeslaKeysFailed == 0 ? 0 : 1;
    }

    private static (string Input, Dictionary<string, string> Options) Parse(string[] args)
    {
        string? input = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--json" or "--verbose") options[arg[2..]] = "";
            else if (arg is "--merkle" or "--pubkey" or "--kroot" or "--start")
                options[arg[2..]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            else if (arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {arg}\n{Usage}");
            else if (input is null) input = arg;
            else throw new ArgumentException($"one INPUT only, got '{input}' and '{arg}'");
        }
        return (input ?? throw new ArgumentException($"INPUT is required\n{Usage}"), options);
    }

    private static GalileoSystemTime ParseStart(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2 && int.TryParse(parts[0], out var wn) && int.TryParse(parts[1], out var tow)
            && wn >= 0 && tow is >= 0 and < GalileoSystemTime.SecondsPerWeek)
            return new GalileoSystemTime(wn, tow);
        throw new ArgumentException($"--start must be WN:TOW (GST week number and time of week), got '{text}'");
    }
}
