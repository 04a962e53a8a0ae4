using GeoEdge.Agent.Attestation;
using GeoEdge.Agent.Measurements;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Cycle;

/// <summary>
/// Binds a reading to the platform: quotes the PCRs with SHA-256 of the canonical reading as
/// qualifying data and packs reading, quote, signature and PCR values into the wire message, with the
/// measurements the quote vouches for (new boot-log and IMA entries), which are picked after the quote
/// so that the IMA list read holds at least every entry PCR 10 covers.
/// </summary>
public static class ReadingAttestation
{
    public static byte[] Attest(Reading reading, PlatformTpm tpm, IReadOnlyList<int> pcrs, MeasurementCollector? measurements = null)
    {
        var canonical = CanonicalReading.Encode(reading);
        var (values, quote) = tpm.Quote(CanonicalReading.Digest(canonical), pcrs);
        var attached = measurements?.Collect(values) ?? MeasurementAttachment.None;
        return WireJson.Encode(new AttestedReading
        {
            BootLog = attached.BootLog,
            ImaStart = attached.ImaStart,
            ImaEntries = attached.ImaEntries,
            Reading = canonical,
            QuoteAttest = quote.Attest.ToArray(),
            QuoteSignature = quote.Signature.ToArray(),
            PcrBank = "sha256",
            Pcrs = values,
        });
    }
}
