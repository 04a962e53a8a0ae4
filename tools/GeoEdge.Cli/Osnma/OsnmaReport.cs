using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GeoEdge.Cli.Osnma;

/// <summary>
/// What `geoedge osnma` prints: one JSON object (--json) or the same figures as text. The costs (load and
/// processing time, the process's peak working set) are part of it so that `geoedge bench osnma` can run each
/// scenario in a process of its own and read them back; docs/osnma.md explains every field.
/// </summary>
public static class OsnmaReport
{
    /// <summary>The length of one I/NAV page: the recording covers its first page's start to its last page's end.</summary>
    private const int PageSeconds = 2;

    public static string Json(string input, OsnmaInput source, OsnmaRun run, long peakWorkingSetBytes)
    {
        var c = run.Counters;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("input", input);
            w.WriteString("format", source.Format);
            w.WriteNumber("pages", c.Pages);
            w.WriteNumber("dataSeconds", DataSeconds(run));
            w.WriteNumber("crcFailures", c.CrcFailures);
            w.WriteNumber("tagsAuthenticated", c.TagsAuthenticated);
            w.WriteNumber("tagsFailed", c.TagsFailed);
            w.WriteNumber("navDataAuthenticated", c.NavDataAuthenticated);
            w.WriteNumber("krootVerified", c.KrootVerified);
            w.WriteNumber("krootFailed", c.KrootFailed);
            w.WriteNumber("publicKeysVerified", c.PublicKeysVerified);
            w.WriteNumber("publicKeysFailed", c.PublicKeysFailed);
            w.WriteNumber("macseqFailed", c.MacseqFailed);
            w.WriteNumber("teslaKeysVerified", c.TeslaKeysVerified);
            w.WriteNumber("teslaKeysFailed", c.TeslaKeysFailed);
            if (FirstAuthenticatedSeconds(run) is { } first) w.WriteNumber("firstAuthenticatedSeconds", first);
            else w.WriteNull("firstAuthenticatedSeconds");
            w.WriteStartObject("subframes");
            w.WriteNumber("operational", c.SubframesOperational);
            w.WriteNumber("test", c.SubframesTest);
            w.WriteNumber("dontUse", c.SubframesDontUse);
            w.WriteEndObject();
            w.WriteString("startMode", run.Status.StartMode.ToString().ToLowerInvariant());
            w.WriteBoolean("alertReceived", run.Status.AlertReceived);
            w.WriteNumber("satellitesAuthenticated", run.SatellitesAuthenticated);
            w.WriteNumber("loadSeconds", Math.Round(source.Loading.TotalSeconds, 4));
            w.WriteNumber("processingSeconds", Math.Round(run.Processing.TotalSeconds, 4));
            w.WriteNumber("processingCpuSeconds", Math.Round(run.ProcessingCpu.TotalSeconds, 4));
            w.WriteNumber("peakWorkingSetBytes", peakWorkingSetBytes);
            w.WriteStartObject("events");
            foreach (var (kind, count) in run.Events.OrderBy(e => e.Key, StringComparer.Ordinal)) w.WriteNumber(kind, count);
            w.WriteEndObject();
            if (source.Notes is { } notes) w.WriteString("inputNotes", notes);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Text(string input, OsnmaInput source, OsnmaRun run, long peakWorkingSetBytes)
    {
        var c = run.Counters;
        var first = FirstAuthenticatedSeconds(run) is { } s ? $"{s} s after the first page" : "never";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{input} ({source.Format}): {c.Pages} pages over {DataSeconds(run)} s, {c.CrcFailures} CRC failures")
            .AppendLine(CultureInfo.InvariantCulture, $"  start mode {run.Status.StartMode}; public keys verified {c.PublicKeysVerified}, failed {c.PublicKeysFailed}; KROOTs verified {c.KrootVerified}, failed {c.KrootFailed}")
            .AppendLine(CultureInfo.InvariantCulture, $"  tags authenticated {c.TagsAuthenticated}, failed {c.TagsFailed}; MACSEQ failed {c.MacseqFailed}; TESLA keys verified {c.TeslaKeysVerified}, failed {c.TeslaKeysFailed}")
            .AppendLine(CultureInfo.InvariantCulture, $"  navigation data authenticated {c.NavDataAuthenticated}; first authenticated ephemeris/clock {first}")
            .AppendLine(CultureInfo.InvariantCulture, $"  subframes operational {c.SubframesOperational}, test {c.SubframesTest}, don't use {c.SubframesDontUse}; alert {(run.Status.AlertReceived ? "RECEIVED" : "none")}")
            .Append(CultureInfo.InvariantCulture, $"  loaded in {source.Loading.TotalSeconds:F3} s, processed in {run.Processing.TotalSeconds:F3} s ({run.ProcessingCpu.TotalSeconds:F3} s CPU), peak working set {peakWorkingSetBytes / (1024.0 * 1024):F1} MiB");
        if (source.Notes is { } notes) text.AppendLine().Append(CultureInfo.InvariantCulture, $"  input: {notes}");
        return text.ToString();
    }

    /// <summary>GST seconds the recording covers (0 without pages).</summary>
    private static long DataSeconds(OsnmaRun run) =>
        run is { Counters.FirstPage: { } first, Status.LastPage: { } last } ? last - first + PageSeconds : 0;

    private static long? FirstAuthenticatedSeconds(OsnmaRun run) =>
        run.Counters is { FirstPage: { } first, FirstAuthenticated: { } authenticated } ? authenticated - first : null;
}
