using System.Globalization;

namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>
/// A tiny line reader for tpm2_eventlog's YAML output (tpm2-tools/expected-yaml): just enough to pull out the
/// final "pcrs:" section and each event's EFI variable GUID and name. Not a YAML parser.
/// </summary>
internal sealed class Tpm2EventlogYaml
{
    public Dictionary<string, Dictionary<int, string>> Pcrs { get; } = [];
    public Dictionary<int, (Guid Guid, string Name)> Variables { get; } = [];

    public static Tpm2EventlogYaml Read(string path)
    {
        var yaml = new Tpm2EventlogYaml();
        var inPcrs = false;
        string? bank = null;
        var eventNum = -1;
        Guid? variableGuid = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd();
            if (line == "pcrs:") { inPcrs = true; continue; }
            if (inPcrs)
            {
                if (line.Length > 0 && line[0] != ' ') { inPcrs = false; continue; }
                var trimmed = line.Trim();
                if (trimmed.EndsWith(':') && !trimmed.Contains(' '))
                {
                    bank = trimmed[..^1];
                    yaml.Pcrs[bank] = [];
                }
                else if (bank is not null && trimmed.Split(':', 2) is [var index, var value])
                {
                    yaml.Pcrs[bank][int.Parse(index.Trim(), CultureInfo.InvariantCulture)] = value.Trim().StartsWith("0x", StringComparison.Ordinal) ? value.Trim()[2..].ToLowerInvariant() : value.Trim().ToLowerInvariant();
                }
                continue;
            }
            var field = line.Trim();
            // Every event has a PCRIndex line (the SHA1-format output has no EventNum): count them.
            if (field.StartsWith("PCRIndex: ", StringComparison.Ordinal) || field.StartsWith("- PCRIndex: ", StringComparison.Ordinal)) { eventNum++; variableGuid = null; }
            else if (field.StartsWith("VariableName: ", StringComparison.Ordinal) && Guid.TryParse(field[14..], out var guid)) variableGuid = guid;
            else if (field.StartsWith("UnicodeName: ", StringComparison.Ordinal) && variableGuid is { } g) yaml.Variables[eventNum] = (g, field[13..].Trim('"'));
        }
        return yaml;
    }
}
