namespace GeoEdge.Drivers.Modem.Tests;

public sealed class ServingCellParserTests
{
    [Fact]
    public void Quectel_lte()
    {
        var cell = ServingCellParser.Parse(["+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-"]);
        Assert.Equal(new ServingCell(RadioTechnology.Lte, 214, 1, 2, 0x1A2B, 0x1A2B3C4, 123, 1850, -95, -10, 12) { Band = 3 }, cell);
        Assert.Equal("214-01", cell!.Plmn);
    }

    [Fact]
    public void Quectel_lte_of_a_5G_module_with_cqi_and_tx_power() =>
        Assert.Equal(new ServingCell(RadioTechnology.Lte, 460, 1, 2, 0xDE10, 0x5F1EA15, 12, 1650, -100, -12, 11) { Band = 3 },
            ServingCellParser.Parse(["+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",460,01,5F1EA15,12,1650,3,5,5,DE10,-100,-12,-68,11,0,-32768,27"]));

    [Fact]
    public void Quectel_emtc() =>
        Assert.Equal(new ServingCell(RadioTechnology.LteM, 214, 1, 2, 0x1A2B, 0x1A2B3C4, 123, 6300, -98, -11, 9) { Band = 20 },
            ServingCellParser.Parse(["+QENG: \"servingcell\",\"NOCONN\",\"eMTC\",\"FDD\",214,01,1A2B3C4,123,6300,20,3,3,1A2B,-98,-11,-68,9,-"]));

    [Fact]
    public void Quectel_nr5g_sa()
    {
        Assert.Equal(new ServingCell(RadioTechnology.Nr, 214, 7, 2, 0x3C1A, 0x2F6E8B00C, 501, 627264, -88, -11, 18) { Band = 78 },
            ServingCellParser.Parse(["+QENG: \"servingcell\",\"NOCONN\",\"NR5G-SA\",\"TDD\",214,07,2F6E8B00C,501,3C1A,627264,78,12,-88,-11,18,0,-"]));
        // RM500Q manual example, with the space some firmware prints after the duplex mode.
        Assert.Equal(new ServingCell(RadioTechnology.Nr, 460, 1, 2, 0x690E0F, 0x19013B004, 299, 633984, -107, -13, 2) { Band = 78 },
            ServingCellParser.Parse(["+QENG: \"servingcell\",\"NOCONN\",\"NR5G-SA\",\"TDD\", 460,01,19013B004,299,690E0F,633984,78,12,-107,-13,2,1,-"]));
    }

    [Fact]
    public void Quectel_nr5g_nsa_three_lines()
    {
        var cell = ServingCellParser.Parse([
            "+QENG: \"servingcell\",\"NOCONN\"",
            "+QENG: \"LTE\",\"FDD\",214,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-",
            "+QENG:\"NR5G-NSA\",214,01,501,-88,18,-11,627264,78,12,1",
        ]);
        Assert.Equal(new ServingCell(RadioTechnology.Lte, 214, 1, 2, 0x1A2B, 0x1A2B3C4, 123, 1850, -95, -10, 12)
        {
            Band = 3,
            NrSecondary = new NrSecondaryCell(Pci: 501, Arfcn: 627264, Band: 78, Rsrp: -88, Rsrq: -11, Sinr: 18),
        }, cell);
    }

    [Fact]
    public void Quectel_nsa_without_an_nr_leg_has_placeholders()
    {
        var cell = ServingCellParser.Parse([
            "+QENG: \"servingcell\",\"NOCONN\"",
            "+QENG: \"LTE\",\"FDD\",204,08,AF7921,412,1300,3,5,5,F425,-109,-15,-73,11,255,-32768,16",
            "+QENG:\"NR5G-NSA\",204,08,188,-32768,-32768,-32768",
        ]);
        Assert.Equal(new NrSecondaryCell(188, null, null, null, null, null), cell!.NrSecondary);
        Assert.Equal(0xAF7921, cell.CellId);
    }

    [Theory]
    [InlineData("+QENG: \"servingcell\",\"SEARCH\"")]
    [InlineData("+QENG: \"servingcell\",\"LIMSRV\"")]
    [InlineData("+CPSI: NO SERVICE,Online")]
    [InlineData("+CPSI: NO SERVICE,Low Power Mode")]
    public void No_service_is_null(string line) => Assert.Null(ServingCellParser.Parse([line]));

    [Fact]
    public void Quectel_gsm_and_wcdma()
    {
        Assert.Equal(new ServingCell(RadioTechnology.Gsm, 460, 0, 2, 0x550A, 0x2BDB, null, 92, null, null, null),
            ServingCellParser.Parse(["+QENG: \"servingcell\",\"NOCONN\",\"GSM\",460,00,550A,2BDB,26,92,0,-65,255,255,255,-,-,-,-,-,-,-,-,-,-,-,-"]));
        Assert.Equal(new ServingCell(RadioTechnology.Umts, 440, 10, 2, 0x1234, 0xABCDEF, 300, 10700, null, null, null),
            ServingCellParser.Parse(["+QENG: \"servingcell\",\"NOCONN\",\"WCDMA\",440,10,1234,ABCDEF,10700,300,0,-80,-5,-,-,-,-,-"]));
    }

    [Fact]
    public void Simcom_lte_in_whole_dB()
    {
        Assert.Equal(new ServingCell(RadioTechnology.Lte, 214, 1, 2, 0x1A2B, 27446212, 123, 1850, -95, -10, 12) { Band = 3 },
            ServingCellParser.Parse(["+CPSI: LTE,Online,214-01,0x1A2B,27446212,123,EUTRAN-BAND3,1850,5,5,-10,-95,-65,12"]));
    }

    [Fact]
    public void Simcom_lte_in_tenths_of_dB_is_rounded_to_dB() =>
        Assert.Equal(new ServingCell(RadioTechnology.Lte, 228, 2, 2, 0x9CA4, 20964868, 46, 6200, -109, -18, 8) { Band = 20 },
            ServingCellParser.Parse(["+CPSI: LTE,Online,228-02,0x9CA4,20964868,46,EUTRAN-BAND20,6200,3,3,-178,-1089,-742,8"]));

    [Fact]
    public void Simcom_cat_m1_and_three_digit_mnc()
    {
        var cell = ServingCellParser.Parse(["+CPSI: LTE CAT-M1,Online,310-260,0x2036,134523149,238,EUTRAN-BAND28,9410,5,5,-20,-116,-82,6"]);
        Assert.Equal((RadioTechnology.LteM, 310, 260, 3, "310-260"), (cell!.Radio, cell.Mcc, cell.Mnc, cell.MncDigits, cell.Plmn));
    }

    [Fact]
    public void Simcom_nr5g_sa()
    {
        Assert.Equal(new ServingCell(RadioTechnology.Nr, 214, 7, 2, 0x3C1A, 12345678, 501, 627264, -88, -11, 18) { Band = 78 },
            ServingCellParser.Parse(["+CPSI: NR5G_SA,Online,214-07,0x3C1A,12345678,501,NR5G_BAND78,627264,-88,-11,18"]));
        Assert.Equal(new ServingCell(RadioTechnology.Nr, 242, 12, 2, 0x765D, 4955280, 0, 640704, -77, -11, 29) { Band = 78 },
            ServingCellParser.Parse(["+CPSI: NR5G_SA,Online,242-12,0x765D,4955280,0,NR5G_BAND78,640704,-770,-110,290"]));
    }

    [Fact]
    public void Simcom_gsm_and_wcdma()
    {
        Assert.Equal(new ServingCell(RadioTechnology.Gsm, 460, 0, 2, 0x1877, 41232, null, 23, null, null, null),
            ServingCellParser.Parse(["+CPSI: GSM,Online,460-00,0x1877,41232,23 EGSM 900,-71,0,39-39"]));
        Assert.Equal(new ServingCell(RadioTechnology.Umts, 1, 1, 2, 0xC00E, 6488, 0, 10688, null, null, null),
            ServingCellParser.Parse(["+CPSI: WCDMA,Online,001-01,0xC00E,6488,WCDMA IMT 2000,0,10688,0,4.5,62,33,47,500"]));
    }

    [Theory]
    [InlineData("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",2X4,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-", "MCC")]
    [InlineData("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,1A2B3C4,123,1850", "LTE serving cell")]
    [InlineData("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,11A2B3C4F,123,1850,3,5,5,1A2B,-95,-10,-65,12,-", "cellID")]
    [InlineData("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"XDD\",214,01,1A2B3C4,123,1850,3,5,5,1A2B,-95,-10,-65,12,-", "is_tdd")]
    [InlineData("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,1A2B3C4,999,1850,3,5,5,1A2B,-95,-10,-65,12,-", "PCID")]
    [InlineData("+QENG: \"servingcell\",\"NOCONN\",\"LTE\",\"FDD\",214,01,1A2B3C4,123,1850,3,5,5,1A2B,95,-10,-65,12,-", "RSRP")]
    [InlineData("+QENG: \"servingcell\",\"NOCONN\",\"6G\",\"FDD\"", "RAT")]
    [InlineData("+QENG: \"servingcell\",\"DANCING\",\"LTE\"", "state")]
    [InlineData("+QENG: \"servingcell\",\"NOCONN\"", "response")]
    [InlineData("+QENG: \"neighbourcell intra\",\"LTE\",38950,276,-3,-88,-65,0,37,7,16,6,44", "response")]
    [InlineData("+CPSI: LTE,Online,21A-01,0x1A2B,27446212,123,EUTRAN-BAND3,1850,5,5,-10,-95,-65,12", "MCC")]
    [InlineData("+CPSI: LTE,Online,21401,0x1A2B,27446212,123,EUTRAN-BAND3,1850,5,5,-10,-95,-65,12", "MCC-MNC")]
    [InlineData("+CPSI: LTE,Online,214-01,0x1A2B,0x1A2B3C4,123,EUTRAN-BAND3,1850,5,5,-10,-95,-65,12", "SCellID")]
    [InlineData("+CPSI: LTE,Online,214-01,0x1A2B,27446212,123,BAND3,1850,5,5,-10,-95,-65,12", "Frequency Band")]
    [InlineData("+CPSI: LTE,Online,214-01", "LTE serving cell")]
    [InlineData("+CPSI: LTE,Online,214-01,0x1A2B,27446212,123,EUTRAN-BAND3,1850,5,5,21,67,255,19", "RSRP")]
    [InlineData("+CPSI: SATELLITE,Online", "System Mode")]
    public void Hostile_or_broken_serving_cell_lines_name_the_field(string line, string field)
    {
        var error = Assert.Throws<AtParseException>(() => ServingCellParser.Parse([line]));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Neither_vendor_form() => Assert.Throws<AtParseException>(() => ServingCellParser.Parse(["OK?"]));
}
