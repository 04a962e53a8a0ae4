namespace GeoEdge.Timestamping;

/// <summary>PKIStatus (RFC 3161 section 2.4.2); only Granted and GrantedWithMods carry a token.</summary>
public enum PkiStatus
{
    Granted = 0,
    GrantedWithMods = 1,
    Rejection = 2,
    Waiting = 3,
    RevocationWarning = 4,
    RevocationNotification = 5,
}

/// <summary>
/// PKIFailureInfo, a named BIT STRING (RFC 3161 section 2.4.2): bit n of the ASN.1 list is 1 &lt;&lt; n here,
/// the mapping <see cref="System.Formats.Asn1.AsnReader.ReadNamedBitListValue{TFlagsEnum}"/> uses.
/// </summary>
[Flags]
public enum PkiFailureInfo
{
    None = 0,
    BadAlg = 1 << 0,
    BadRequest = 1 << 2,
    BadDataFormat = 1 << 5,
    TimeNotAvailable = 1 << 14,
    UnacceptedPolicy = 1 << 15,
    UnacceptedExtension = 1 << 16,
    AddInfoNotAvailable = 1 << 17,
    SystemFailure = 1 << 25,
}
