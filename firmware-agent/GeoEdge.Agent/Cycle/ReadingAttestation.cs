using GeoEdge.Agent.Attestation;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Agent.Cycle;

/// <summary>
/// Binds a reading to the platform: quotes the PCRs with SHA-256 of the canonical reading as
/// qualifying data and packs reading, quote, signature and PCR values into the wire message.
/// </summary>
public static class ReadingAttestation
{
    public static byte[] Attest(Reading reading, PlatformTpm tpm, IReadOnlyList<int> pcrs)
    {
        var canonical = CanonicalReading.Encode(reading);
        var (values, quote) = tpm.Quote(CanonicalReading.Digest(canonical), pcrs);
        return WireJson.Encode(new AttestedReading
        {
            Reading = canonical,
            QuoteAttest = quote.Attest.ToArray(),
            QuoteSignature = quote.Signature.ToArray(),
            PcrBank = "sha256",
            Pcrs = values,
        });
    }
}
