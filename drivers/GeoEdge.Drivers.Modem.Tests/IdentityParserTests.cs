namespace GeoEdge.Drivers.Modem.Tests;

public sealed class IdentityParserTests
{
    [Theory]
    [InlineData("867962041234561")]
    [InlineData("+CGSN: 867962041234561")]
    [InlineData("+CGSN: \"867962041234561\"")]
    [InlineData("+CGSN:867962041234561")]
    public void Imei_forms(string line) => Assert.Equal("867962041234561", ImeiParser.Parse([line]));

    [Fact]
    public void Imei_with_a_stray_text_line_reads_the_digit_line() =>
        Assert.Equal("490154203237518", ImeiParser.Parse(["noise", "490154203237518"]));

    [Theory]
    [InlineData("867962041234567", "Luhn")]           // check digit wrong by 6
    [InlineData("86796204123456", "15 decimal")]      // 14 digits
    [InlineData("8679620412345610", "15 decimal")]    // 16 digits (IMEISV is not an IMEI)
    [InlineData("+CGSN: 86796204123456X", "15 decimal")]
    [InlineData("+CGSN: ", "15 decimal")]
    public void Bad_imei_is_rejected_naming_the_field(string line, string reason)
    {
        var error = Assert.Throws<AtParseException>(() => ImeiParser.Parse([line]));
        Assert.Equal("AT+CGSN", error.Command);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Two_different_imeis_are_ambiguous() =>
        Assert.Throws<AtParseException>(() => ImeiParser.Parse(["867962041234561", "490154203237518"]));

    [Fact]
    public void No_imei_line_at_all() => Assert.Throws<AtParseException>(() => ImeiParser.Parse([]));

    [Theory]
    [InlineData("214011234567890", "214011234567890")]
    [InlineData("+CIMI: 214011234567890", "214011234567890")]
    [InlineData("001010", "001010")]
    public void Imsi_forms(string line, string expected) => Assert.Equal(expected, ImsiParser.Parse([line]));

    [Theory]
    [InlineData("21401")]
    [InlineData("2140112345678901")]
    [InlineData("+CIMI: 21401123456789A")]
    public void Bad_imsi(string line) => Assert.Throws<AtParseException>(() => ImsiParser.Parse([line]));

    [Theory]
    [InlineData("+QCCID: 8934011234567890123F", "8934011234567890123")]
    [InlineData("+QCCID: 89340112345678901234", "89340112345678901234")]
    [InlineData("+CCID: 8934011234567890123", "8934011234567890123")]
    [InlineData("+CCID: \"8934011234567890123\"", "8934011234567890123")]
    [InlineData("+ICCID: 89860318760244117186", "89860318760244117186")]
    [InlineData("8934011234567890123", "8934011234567890123")]
    [InlineData("893401123456789012", "893401123456789012")]
    public void Iccid_forms(string line, string expected) => Assert.Equal(expected, IccidParser.Parse([line]));

    [Theory]
    [InlineData("+QCCID: 89340112345678901")]      // 17 digits
    [InlineData("+QCCID: 893401123456789012345")]  // 21 digits
    [InlineData("+CCID: 8934011234567890A23")]     // hex inside
    [InlineData("+CCID: ")]
    public void Bad_iccid(string line) => Assert.Throws<AtParseException>(() => IccidParser.Parse([line]));

    [Fact]
    public void Iccid_from_EF_ICCID_swaps_the_nibbles_of_each_byte()
    {
        Assert.Equal("89340112345678901213", IccidParser.FromCrsm(["+CRSM: 144,0,\"98431021436587092131\""]));
        Assert.Equal("8934011234567890123", IccidParser.FromCrsm(["+CRSM: 144,0,\"984310214365870921F3\""]));
    }

    [Theory]
    [InlineData("+CRSM: 106,130,\"\"", "sw1")]                  // 6A 82 file not found
    [InlineData("+CRSM: 144,0,\"9843102143658709\"", "EF_ICCID")] // 8 bytes
    [InlineData("+CRSM: 144,0,\"98431021436587092G31\"", "EF_ICCID")]
    [InlineData("+CRSM: 144", "+CRSM parameters")]
    [InlineData("+CRSM: 144,0,\"984310214365870921AB\"", "ICCID")]
    public void Bad_crsm(string line, string field)
    {
        var error = Assert.Throws<AtParseException>(() => IccidParser.FromCrsm([line]));
        Assert.Equal(field, error.Field);
        Assert.Equal(IccidParser.CrsmCommand, error.Command);
    }

    [Fact]
    public void Quectel_ati()
    {
        var identity = ModemIdentityParser.Parse(["Quectel", "EC25", "Revision: EC25EFAR06A06M4G"]);
        Assert.Equal(new ModemIdentity(ModemVendor.Quectel, "Quectel", "EC25", "EC25EFAR06A06M4G"), identity);
    }

    [Fact]
    public void Simcom_ati()
    {
        var identity = ModemIdentityParser.Parse(["Manufacturer: SIMCOM INCORPORATED", "Model: SIMCOM_SIM7600E-H", "Revision: SIM7600M22_V1.1", "IMEI: 867584034313614", "+GCAP: +CGSM"]);
        Assert.Equal(new ModemIdentity(ModemVendor.Simcom, "SIMCOM INCORPORATED", "SIMCOM_SIM7600E-H", "SIM7600M22_V1.1"), identity);
    }

    [Fact]
    public void Empty_ati_is_an_error() => Assert.Throws<AtParseException>(() => ModemIdentityParser.Parse(["IMEI: 867584034313614"]));
}
