using System.Text;
using System.Text.Json;
using GeoEdge.Ima;

namespace GeoEdge.Cli.Ima;

/// <summary>The two forms of `geoedge ima` output: a readable report, and one JSON object (Utf8JsonWriter: AOT-safe).</summary>
internal static class ImaReport
{
    public static string Text(ImaInspection run)
    {
        var text = new StringBuilder();
        var entries = run.Entries;
        var templates = string.Join(", ", entries.GroupBy(e => e.TemplateName).Select(g => $"{g.Key} {g.Count()}"));
        text.AppendLine($"{run.Options.File}: {entries.Count} entries ({run.Format}){(templates.Length > 0 ? ": " + templates : "")}");
        var violations = entries.Count(e => e.IsViolation);
        var mismatches = entries.Count(e => !e.TemplateHashMatches());
        text.AppendLine($"template hashes: {entries.Count - violations - mismatches} match, {mismatches} mismatch, {violations} violations (all zero)");
        text.AppendLine($"PCR 10 replay: sha1 {Convert.ToHexStringLower(run.Pcr10.Sha1)}");
        text.AppendLine($"               sha256 {Convert.ToHexStringLower(run.Pcr10.Sha256)} (template data hashed per bank, kernel 5.8+)");
        var failed = run.Verdicts.Where(v => !v.Passed).ToList();
        var against = string.Join(" and ", new[]
        {
            run.Options.Policy is { } p ? $"policy {p}" : null,
            run.Options.Keys.Count > 0 ? $"{run.Options.Keys.Count} key file(s)" : null,
        }.OfType<string>());
        text.AppendLine(run.Appraised
            ? $"appraisal against {against}: {run.Verdicts.Count - failed.Count} passed, {failed.Count} failed"
            : $"no policy or keys: {run.Verdicts.Count - failed.Count} passed, {failed.Count} failed (template hash and PCR checks only)");
        foreach (var v in failed) text.AppendLine($"  #{v.Entry.Index} {v.Entry.Path}: {v.Code}: {v.Detail}");
        text.Append(failed.Count == 0 ? "every entry passed" : $"{failed.Count} entries failed");
        return text.ToString();
    }

    public static string Json(ImaInspection run)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("file", run.Options.File);
            json.WriteString("format", run.Format);
            json.WriteNumber("entries", run.Entries.Count);
            json.WriteStartObject("templates");
            foreach (var g in run.Entries.GroupBy(e => e.TemplateName)) json.WriteNumber(g.Key, g.Count());
            json.WriteEndObject();
            json.WriteNumber("templateHashMismatches", run.Entries.Count(e => !e.TemplateHashMatches()));
            json.WriteNumber("violations", run.Entries.Count(e => e.IsViolation));
            json.WriteStartObject("pcr10");
            json.WriteString("sha1", Convert.ToHexStringLower(run.Pcr10.Sha1));
            json.WriteString("sha256", Convert.ToHexStringLower(run.Pcr10.Sha256));
            json.WriteEndObject();
            if (!run.Appraised) json.WriteNull("policy");
            else
            {
                json.WriteStartObject("policy");
                json.WriteNumber("passed", run.Verdicts.Count(v => v.Passed));
                json.WriteStartArray("failed");
                foreach (var v in run.Verdicts.Where(v => !v.Passed))
                {
                    json.WriteStartObject();
                    json.WriteNumber("index", v.Entry.Index);
                    json.WriteString("path", v.Entry.Path);
                    json.WriteString("code", v.Code);
                    json.WriteString("detail", v.Detail);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteBoolean("passed", run.Verdicts.All(v => v.Passed));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
