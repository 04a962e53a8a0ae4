using System.Buffers.Binary;
using System.Text;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// A UEFI_VARIABLE_DATA event (EV_EFI_VARIABLE_DRIVER_CONFIG, _BOOT, _BOOT2, _AUTHORITY): the variable's
/// vendor GUID, its UTF-16 name and its contents as measured.
/// </summary>
public sealed record EfiVariableEvent(Guid VariableGuid, string Name, byte[] VariableData) : DecodedEvent
{
    private static readonly string[] SignatureDatabases = ["PK", "KEK", "db", "dbx", "dbt", "dbr", "MokList", "MokListX", "MokListRT", "MokListXRT"];

    /// <summary>The event type it came from (an EV_EFI_VARIABLE_* constant of <see cref="EventType"/>).</summary>
    public uint EventType { get; init; }

    public bool IsAuthority => EventType == global::GeoEdge.MeasuredBoot.EventType.EfiVariableAuthority;

    /// <summary>True for a variable holding EFI_SIGNATURE_LISTs (PK, KEK, db, dbx, MokList, ...).</summary>
    public bool IsSignatureDatabase => !IsAuthority && SignatureDatabases.Contains(Name, StringComparer.Ordinal);

    /// <summary>The signatures of a signature-database variable. Throws <see cref="FormatException"/> when the lists are malformed.</summary>
    public IReadOnlyList<EfiSignature> Signatures() => EfiSignatureList.Parse(VariableData);

    /// <summary>
    /// The key an EV_EFI_VARIABLE_AUTHORITY event names: one EFI_SIGNATURE_DATA, owner GUID + certificate (or
    /// + SHA-256 hash when the image was allowed by hash). Shim before 15.3 measured the bare certificate
    /// without the owner (go-attestation issue 157); that form is accepted too, with an empty owner. Null when
    /// the data is none of these (shim's SbatLevel and MokListTrusted authorities carry text and a flag).
    /// </summary>
    public EfiSignature? AuthoritySignature()
    {
        if (IsDerSequence(VariableData, out var length) && length == VariableData.Length)
            return new EfiSignature(EfiGuids.CertX509, Guid.Empty, VariableData);
        if (VariableData.Length <= 16) return null;
        var owner = new Guid(VariableData.AsSpan(0, 16));
        if (IsDerSequence(VariableData.AsSpan(16), out length) && length == VariableData.Length - 16)
            return new EfiSignature(EfiGuids.CertX509, owner, VariableData[16..]);
        if (VariableData.Length == 16 + 32 && Name is "db" or "MokList")
            return new EfiSignature(EfiGuids.CertSha256, owner, VariableData[16..]);
        return null;
    }

    public override string Describe()
    {
        var prefix = IsAuthority ? $"authority {Name}" : Name;
        try
        {
            if (IsAuthority)
                return $"{prefix}: {AuthoritySignature()?.Describe() ?? EventText.Any(VariableData.AsSpan(0, Math.Min(VariableData.Length, 128)))}";
            if (IsSignatureDatabase)
            {
                var signatures = Signatures();
                var shown = string.Join("; ", signatures.Take(3).Select(s => s.Describe()));
                return $"{prefix}: {signatures.Count} entries{(signatures.Count == 0 ? "" : ": " + shown)}{(signatures.Count > 3 ? "; ..." : "")}";
            }
            if (Name == "BootOrder" && VariableData.Length % 2 == 0)
                return $"BootOrder = {string.Join(",", Enumerable.Range(0, VariableData.Length / 2).Select(i => $"Boot{BinaryPrimitives.ReadUInt16LittleEndian(VariableData.AsSpan(i * 2)):X4}"))}";
            if (Name.StartsWith("Boot", StringComparison.Ordinal) && Name.Length == 8 && EfiLoadOption.TryDescribe(VariableData, out var option))
                return $"{Name}: {option}";
        }
        catch (FormatException e)
        {
            return $"{prefix}: malformed ({e.Message})";
        }
        return $"{prefix} = {(VariableData.Length == 0 ? "(empty)" : EventText.Hex(VariableData, 32))}";
    }

    /// <summary>Reads UEFI_VARIABLE_DATA; bytes after the declared data (a shim quirk) are ignored.</summary>
    internal static EfiVariableEvent Parse(ReadOnlySpan<byte> data, uint eventType)
    {
        var reader = new LogReader(data);
        var guid = reader.Guid("VariableName");
        var nameLength = reader.U64("UnicodeNameLength");
        var dataLength = reader.U64("VariableDataLength");
        if (nameLength > (ulong)reader.Remaining / 2)
            throw new EventLogException($"UnicodeNameLength {nameLength} does not fit the {reader.Remaining} bytes left", reader.Position);
        var name = Encoding.Unicode.GetString(reader.Take((int)nameLength * 2, "UnicodeName")).TrimEnd('\0');
        if (dataLength > (ulong)reader.Remaining)
            throw new EventLogException($"VariableDataLength {dataLength} does not fit the {reader.Remaining} bytes left", reader.Position);
        var value = reader.Take((int)dataLength, "VariableData").ToArray();
        return new EfiVariableEvent(guid, EventText.Bounded(name), value) { EventType = eventType };
    }

    /// <summary>A DER SEQUENCE header (0x30) and the total length it declares.</summary>
    private static bool IsDerSequence(ReadOnlySpan<byte> data, out int totalLength)
    {
        totalLength = 0;
        if (data.Length < 2 || data[0] != 0x30) return false;
        var first = data[1];
        if (first < 0x80) { totalLength = 2 + first; return true; }
        var count = first & 0x7f;
        if (count is 0 or > 3 || data.Length < 2 + count) return false;
        var length = 0;
        for (var i = 0; i < count; i++) length = (length << 8) | data[2 + i];
        totalLength = 2 + count + length;
        return true;
    }
}
