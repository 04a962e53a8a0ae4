using GeoEdge.Drivers.Tpm;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// A genuine restricted signing key in a real TPM that was never enrolled: an attacker with a TPM of
/// their own (or a second client of the host's TPM) can make quotes that are correct in every respect
/// except whose key signed them. The key is transient and is flushed on Dispose, as is the storage
/// primary it was created under (flushed at once: the AK stays loaded without it).
/// </summary>
public sealed class UnenrolledAk : IDisposable
{
    private readonly TpmDevice _tpm;
    private readonly TpmKey _ak;

    /// <summary>The AK's TPM2B_PUBLIC, to check its own signatures with.</summary>
    public byte[] Public => _ak.Public.ToArray();

    private UnenrolledAk(TpmDevice tpm, TpmKey ak)
    {
        _tpm = tpm;
        _ak = ak;
    }

    public static UnenrolledAk Create(string tcti)
    {
        var tpm = TpmDevice.Open(tcti);
        try
        {
            using var storageRoot = tpm.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            var created = tpm.Create(storageRoot, TpmTemplates.AttestationKeyEccP256.Span);
            return new UnenrolledAk(tpm, tpm.Load(storageRoot, created));
        }
        catch
        {
            tpm.Dispose();
            throw;
        }
    }

    /// <summary>Quotes <paramref name="pcrs"/> (sha256 bank) over the canonical reading, exactly as the agent does, but with this key.</summary>
    public AttestedReading Attest(Reading reading, IReadOnlyList<int> pcrs)
    {
        var bytes = CanonicalReading.Encode(reading);
        var values = _tpm.PcrRead(TpmAlgorithm.Sha256, pcrs);
        var quote = _tpm.Quote(_ak, CanonicalReading.Digest(bytes), TpmAlgorithm.Sha256, pcrs);
        return new AttestedReading
        {
            Reading = bytes,
            QuoteAttest = quote.Attest.ToArray(),
            QuoteSignature = quote.Signature.ToArray(),
            PcrBank = "sha256",
            Pcrs = new Dictionary<int, byte[]>(values),
        };
    }

    public void Dispose()
    {
        _ak.Dispose();
        _tpm.Dispose();
    }
}
