namespace GeoEdge.Hil.Rig.Simulators.Modem;

/// <summary>
/// EF_ICCID (file 2FE2, 10 bytes, ETSI TS 102 221 §13.2): the ICCID in BCD, low nibble first in each byte,
/// padded with F nibbles. Quectel's AT+QCCID prints the nibbles back in digit order, padding included.
/// </summary>
internal static class IccidEncoding
{
    public const int EfIccidFileId = 0x2FE2;
    public const int EfIccidLength = 10;

    /// <summary>The 20 nibbles in digit order: "8934011234567890123F".</summary>
    public static string PaddedDigits(string iccid) => iccid.PadRight(EfIccidLength * 2, 'F');

    /// <summary>The file's bytes as hex, nibbles swapped in each byte: "984310214365870921F3".</summary>
    public static string EfIccidHex(string iccid)
    {
        var digits = PaddedDigits(iccid);
        var hex = new char[digits.Length];
        for (var i = 0; i < digits.Length; i += 2)
        {
            hex[i] = digits[i + 1];
            hex[i + 1] = digits[i];
        }
        return new string(hex);
    }
}
