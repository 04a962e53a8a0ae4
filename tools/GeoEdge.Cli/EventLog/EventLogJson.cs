using System.Text;
using System.Text.Json;
using GeoEdge.MeasuredBoot;

namespace GeoEdge.Cli.EventLog;

/// <summary>
/// The JSON report: {"format","events","startupLocality","banks","pcrs":{bank:{pcr:hex}},"secureBoot",
/// "secureBootDetail","digestMismatches"} and, with --verbose, "eventList". Hex is lower-case.
/// </summary>
internal static class EventLogJson
{
    public static string Write(EventLogSummary summary, bool verbose)
    {
        var log = summary.Log;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", log.Format.Name());
            json.WriteNumber("events", log.Events.Count);
            json.WriteNumber("bytes", log.Length);
            if (log.StartupLocality is { } locality) json.WriteNumber("startupLocality", locality);
            else json.WriteNull("startupLocality");
            json.WriteStartArray("banks");
            foreach (var bank in log.Banks) json.WriteStringValue(bank.Name());
            json.WriteEndArray();
            json.WriteStartObject("pcrs");
            foreach (var (bank, pcrs) in summary.Pcrs)
            {
                json.WriteStartObject(bank.Name());
                foreach (var (pcr, value) in pcrs) json.WriteString(pcr.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToHexStringLower(value));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (summary.SecureBoot?.Enabled is { } enabled) json.WriteBoolean("secureBoot", enabled);
            else json.WriteNull("secureBoot");
            if (summary.SecureBoot is { } state) WriteSecureBoot(json, summary.SecureBootBank!.Value, state);
            json.WriteStartArray("digestMismatches");
            foreach (var (e, banks) in summary.DigestMismatches)
            {
                json.WriteStartObject();
                json.WriteNumber("event", e.Index);
                json.WriteNumber("pcr", e.Pcr);
                json.WriteString("type", e.TypeName);
                json.WriteStartArray("banks");
                foreach (var bank in banks) json.WriteStringValue(bank.Name());
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (verbose) WriteEvents(json, summary);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static void WriteSecureBoot(Utf8JsonWriter json, TpmHashAlgorithm bank, SecureBootState state)
    {
        json.WriteStartObject("secureBootDetail");
        json.WriteString("bank", bank.Name());
        WriteSignatures(json, "pk", state.Pk);
        WriteSignatures(json, "kek", state.Kek);
        WriteSignatures(json, "db", state.Db);
        json.WriteNumber("dbxEntries", state.Dbx.Count);
        WriteSignatures(json, "authorities", state.Authorities);
        json.WriteStartArray("problems");
        foreach (var problem in state.Problems) json.WriteStringValue(problem);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSignatures(Utf8JsonWriter json, string name, IReadOnlyList<EfiSignature> signatures)
    {
        json.WriteStartArray(name);
        foreach (var signature in signatures)
        {
            json.WriteStartObject();
            json.WriteString("sha256", signature.Fingerprint);
            json.WriteString("description", signature.Describe());
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteEvents(Utf8JsonWriter json, EventLogSummary summary)
    {
        json.WriteStartArray("eventList");
        foreach (var (e, decoded) in summary.Log.Events.Zip(summary.Decoded))
        {
            json.WriteStartObject();
            json.WriteNumber("index", e.Index);
            json.WriteNumber("pcr", e.Pcr);
            json.WriteString("type", e.TypeName);
            json.WriteStartObject("digests");
            foreach (var (bank, digest) in e.Digests) json.WriteString(bank.Name(), Convert.ToHexStringLower(digest));
            json.WriteEndObject();
            json.WriteString("description", decoded.Describe());
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
