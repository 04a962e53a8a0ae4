namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// The pcrDigest of a TPMS_QUOTE_INFO: the hash of the selected PCR values concatenated in
/// selection order (<see cref="PcrSelection.SelectedInOrder"/>).
/// </summary>
/// <remarks>
/// The hash is the one of the signing scheme of the key that made the quote (Part 2, TPMS_QUOTE_INFO:
/// "digest of the selected PCR using the hash of the signing key"; TPM2_Quote takes it from the
/// scheme it signs with), NOT the hash of the PCR bank. A SHA-1 bank quoted by a SHA-256 AK gives a SHA-256 pcrDigest over 20-byte values, and
/// vice versa; pass the signature's (or the AK scheme's) hash as <c>hashAlg</c>.
/// </remarks>
public static class PcrDigest
{
    public static byte[] Compute(TpmAlgId hashAlg, IEnumerable<byte[]> valuesInSelectionOrder)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(TpmHash.Name(hashAlg));
        foreach (var value in valuesInSelectionOrder) hash.AppendData(value);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Looks each selected PCR up in <paramref name="pcrValue"/> (bank, index) and hashes them in
    /// selection order; a missing value is an ArgumentException naming it.
    /// </summary>
    public static byte[] Compute(TpmAlgId hashAlg, PcrSelection selection, Func<TpmAlgId, int, byte[]?> pcrValue)
    {
        var values = new List<byte[]>();
        foreach (var (bank, index) in selection.SelectedInOrder())
            values.Add(pcrValue(bank, index) ?? throw new ArgumentException($"no value for PCR {index} of the {bank} bank", nameof(pcrValue)));
        return Compute(hashAlg, values);
    }
}
