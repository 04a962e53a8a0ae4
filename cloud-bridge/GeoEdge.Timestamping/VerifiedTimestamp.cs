namespace GeoEdge.Timestamping;

/// <summary>
/// A timestamp token that verified: the DER token (a CMS ContentInfo, what a result stores) and what it says.
/// </summary>
/// <param name="Token">The TimeStampToken, DER, as the TSA signed it.</param>
/// <param name="GenTime">When the TSA says it saw the data's imprint.</param>
/// <param name="TsaSubject">Subject of the TSA certificate that signed it.</param>
/// <param name="SerialNumber">The TSTInfo serial number, upper-case hex, big-endian.</param>
/// <param name="PolicyId">The TSA policy the token was issued under (OID).</param>
/// <param name="Accuracy">The TSA's stated accuracy of genTime, when it gave one.</param>
public sealed record VerifiedTimestamp(byte[] Token, DateTimeOffset GenTime, string TsaSubject, string SerialNumber, string PolicyId, TimeSpan? Accuracy);
