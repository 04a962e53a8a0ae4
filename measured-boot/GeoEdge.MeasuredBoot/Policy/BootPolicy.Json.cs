using System.Text.Json;

namespace GeoEdge.MeasuredBoot;

public sealed partial record BootPolicy
{
    /// <summary>The policy in the format <see cref="Parse"/> reads (absent members are left out).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            if (SecureBoot is { } secureBoot) writer.WriteString("secureBoot", secureBoot == SecureBootRequirement.Required ? "required" : "optional");
            WriteList(writer, "scrtm", Scrtm?.Select(d => d.ToString()));
            WriteList(writer, "platformFirmware", PlatformFirmware?.Select(d => d.ToString()));
            WriteList(writer, "bootApplications", BootApplications?.Select(d => d.ToString()));
            WriteList(writer, "pk", Pk);
            WriteList(writer, "kek", Kek);
            WriteList(writer, "db", Db);
            WriteList(writer, "dbxMustContain", DbxMustContain);
            WriteList(writer, "kernelCmdline", KernelCmdline);
            if (Pcrs is not null)
            {
                writer.WriteStartObject("pcrs");
                foreach (var (bank, pcrs) in Pcrs)
                {
                    writer.WriteStartObject(bank.Name());
                    foreach (var (pcr, values) in pcrs) WriteList(writer, pcr.ToString(System.Globalization.CultureInfo.InvariantCulture), values.Select(Convert.ToHexStringLower));
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string>? values)
    {
        if (values is null) return;
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
