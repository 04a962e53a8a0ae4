namespace GeoEdge.Drivers.Modem;

public enum ModemVendor
{
    Unknown,
    Quectel,
    Simcom,
}

public sealed record ModemIdentity(ModemVendor Vendor, string? Manufacturer, string? Model, string? Revision);

/// <summary>
/// ATI (V.250 product identification). Quectel: "Quectel" / "EC25" / "Revision: EC25EFAR06A06M4G".
/// SIMCom: "Manufacturer: SIMCOM INCORPORATED" / "Model: SIMCOM_SIM7600E-H" / "Revision: ..."
/// (then IMEI and +GCAP lines, not read here). Other modems: labelled lines when present, else
/// the first two free lines as manufacturer and model.
/// </summary>
public static class ModemIdentityParser
{
    public const string Command = "ATI";
    private const int MaxValueLength = 128;

    public static ModemIdentity Parse(AtResponse response) => Parse(response.EnsureOk().Lines);

    public static ModemIdentity Parse(IReadOnlyList<string> lines)
    {
        string? manufacturer = null, model = null, revision = null;
        var free = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length > MaxValueLength) throw new AtParseException(Command, line, "line", $"longer than {MaxValueLength} characters");
            if (TryLabel(line, "Manufacturer:", ref manufacturer) || TryLabel(line, "Model:", ref model) || TryLabel(line, "Revision:", ref revision)) continue;
            if (line.Contains(':')) continue; // IMEI:, SVN:, +GCAP: and other labelled extras
            free.Add(line);
        }
        manufacturer ??= free.ElementAtOrDefault(0);
        model ??= free.ElementAtOrDefault(1);
        if (manufacturer is null && model is null && revision is null)
            throw new AtParseException(Command, lines.Count > 0 ? lines[0] : null, "response", "no manufacturer, model or revision");
        return new ModemIdentity(VendorOf(manufacturer, model), manufacturer, model, revision);
    }

    private static bool TryLabel(string line, string label, ref string? value)
    {
        if (!line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) return false;
        value = line[label.Length..].Trim();
        return true;
    }

    private static ModemVendor VendorOf(string? manufacturer, string? model)
    {
        var text = $"{manufacturer} {model}";
        if (text.Contains("QUECTEL", StringComparison.OrdinalIgnoreCase)) return ModemVendor.Quectel;
        if (text.Contains("SIMCOM", StringComparison.OrdinalIgnoreCase)) return ModemVendor.Simcom;
        return ModemVendor.Unknown;
    }
}
