namespace GeoEdge.Wire.Tpm2;

/// <summary>TPMS_QUOTE_INFO (Part 2, 10.12.1): which PCRs were quoted and the digest of their values.</summary>
/// <param name="PcrDigest">See <see cref="Tpm2.PcrDigest"/> for how it is computed (the signing hash, not the bank's).</param>
public sealed record TpmQuoteInfo(PcrSelection PcrSelect, byte[] PcrDigest);
