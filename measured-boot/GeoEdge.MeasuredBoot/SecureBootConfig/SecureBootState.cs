namespace GeoEdge.MeasuredBoot;

/// <summary>
/// The Secure Boot configuration an event log records in PCR 7, as read by <see cref="SecureBoot.Read"/>.
/// <see cref="Enabled"/> is null when the log does not say (no SecureBoot variable, or one whose data does
/// not match its digest). <see cref="Authorities"/> are the keys that verified images after the PCR 7
/// separator; <see cref="PreSeparatorAuthorities"/> those used before it (option ROMs, firmware drivers).
/// <see cref="Problems"/> lists, in log order, everything that made part of the log untrustworthy or odd.
/// </summary>
public sealed record SecureBootState(bool? Enabled, IReadOnlyList<EfiSignature> Pk, IReadOnlyList<EfiSignature> Kek,
    IReadOnlyList<EfiSignature> Db, IReadOnlyList<EfiSignature> Dbx, IReadOnlyList<EfiSignature> Authorities, IReadOnlyList<string> Problems)
{
    public IReadOnlyList<EfiSignature> PreSeparatorAuthorities { get; init; } = [];

    /// <summary>Index of the event each configuration variable was read from ("SecureBoot", "PK", ...), for findings that must name it.</summary>
    public IReadOnlyDictionary<string, int> VariableEvents { get; init; } = new Dictionary<string, int>();

    /// <summary>Indices of PCR 7 events whose data did not match their digest (their data was ignored).</summary>
    public IReadOnlyList<int> ForgedEvents { get; init; } = [];
}
