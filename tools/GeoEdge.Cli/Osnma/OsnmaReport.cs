using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GeoEdge.Cli.Osnma;

/// <summary>What `geoedge osnma` prints: one JSON object (--json) or the same figures as text.</summary>
public static class OsnmaReport
{
    public static string Json(string input, OsnmaInput source, OsnmaRun run)
    {
        var c = run.Counters;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("input", input);
            w.WriteString("format", source.Format);
            w.WriteNumber("pages", c.Pages);
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
            w.WriteNumber("processingSeconds", Math.Round(run.Processing.TotalSeconds, 4));
            w.WriteStartObject("events");
            foreach (var (kind, count) in run.Events.OrderBy(e => e.Key, StringComparer.Ordinal)) w.WriteNumber(kind, count);
            w.WriteEndObject();
            if (source.Notes is { } notes) w.WriteString("inputNotes", notes);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Text(string input, OsnmaInput source, OsnmaRun run)
    {
        var c = run.Counters;
        var first = FirstAuthenticatedSeconds(run) is { } s ? $"{s} s after the first page" : "never";
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{input} ({source.Format}): {c.Pages} pages, {c.CrcFailures} CRC failures")
            .AppendLine(CultureInfo.InvariantCulture, $"  start mode {run.Status.StartMode}; public keys verified {c.PublicKeysVerified}, failed {c.PublicKeysFailed}; KROOTs verified {c.KrootVerified}, failed {c.KrootFailed}")
            .AppendLine(CultureInfo.InvariantCulture, $"  tags authenticated {c.TagsAuthenticated}, failed {c.TagsFailed}; MACSEQ failed {c.MacseqFailed}; TESLA keys verified {c.TeslaKeysVerified}, failed {c.TeslaKeysFailed}")
            .AppendLine(CultureInfo.InvariantCulture, $"  navigation data authenticated {c.NavDataAuthenticated}; first authenticated ephemeris/clock {first}")
            .AppendLine(CultureInfo.InvariantCulture, $"  subframes operational {c.SubframesOperational}, test {c.SubframesTest}, don't use {c.SubframesDontUse}; alert {(run.Status.AlertReceived ? "RECEIVED" : "none")}")
            .Append(CultureInfo.InvariantCulture, $"  processed in {run.Processing.TotalSeconds:F3} s");
        if (source.Notes is { } notes) text.AppendLine().Append(CultureInfo.InvariantCulture, $"  input: {notes}");
        return text.ToString();
    }

    private static long? FirstAuthenticatedSeconds(OsnmaRun run) =>
        run.Counters is { FirstPage: { } first, FirstAuthenticated: { } authenticated } ? authenticated - first : null;
}
