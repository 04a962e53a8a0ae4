namespace GeoEdge.MeasuredBoot;

/// <summary>
/// The two layouts of a TCG PC Client event log: the SHA1-only TCG_PCR_EVENT list (TPM 1.2 style,
/// still written by some firmware on TPM 2.0) and the crypto-agile TCG_PCR_EVENT2 list announced by a
/// "Spec ID Event03" header, with one digest per active PCR bank.
/// </summary>
public enum EventLogFormat
{
    Sha1,
    CryptoAgile,
}

public static class EventLogFormats
{
    /// <summary>The name reports use: "sha1" or "crypto-agile".</summary>
    public static string Name(this EventLogFormat format) => format == EventLogFormat.Sha1 ? "sha1" : "crypto-agile";
}
