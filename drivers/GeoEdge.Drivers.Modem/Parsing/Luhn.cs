namespace GeoEdge.Drivers.Modem;

/// <summary>The Luhn check digit (ISO/IEC 7812-1) that ends an IMEI (3GPP TS 23.003 clause 6.2.1) and an ICCID.</summary>
internal static class Luhn
{
    internal static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
