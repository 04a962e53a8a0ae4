using System.Text;

namespace GeoEdge.Geolocation.Tests;

public class OpenCellIdCsvTests
{
    // A real-shaped OpenCellID row: Movistar (214/7) LTE cell in central Madrid.
    private const string MadridLte = "LTE,214,7,28012,26012345,211,-3.70379,40.41678,1200,57,1,1459468600,1700000000,0";

    private static Stream Csv(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    private static List<CellRecord> ReadAll(string text) => OpenCellIdCsv.Read(Csv(text)).ToList();

    [Fact]
    public void Reads_every_field_of_a_row()
    {
        var cell = Assert.Single(ReadAll(MadridLte + "\n"));
        Assert.Equal(new CellRecord(RadioType.Lte, 214, 7, 28012, 26012345, 40.41678, -3.70379, 1200, 57,
            DateTimeOffset.FromUnixTimeSeconds(1700000000)), cell);
    }

    [Fact]
    public void Header_is_optional_and_crlf_and_a_missing_final_newline_are_accepted()
    {
        var withHeader = ReadAll(OpenCellIdCsv.Header + "\r\n" + MadridLte + "\r\n" + MadridLte.Replace("LTE,", "GSM,").Replace("26012345", "4711"));
        Assert.Equal([RadioType.Lte, RadioType.Gsm], withHeader.Select(c => c.Radio));
        Assert.Equal(4711, withHeader[1].Cell);
    }

    [Fact]
    public void Every_radio_type_of_the_format_is_read_and_nr_cells_may_use_36_bit_identities()
    {
        var text = string.Join("\n",
            "GSM,214,1,100,65535,,-3.7,40.4,500,3,1,0,0,",
            "UMTS,214,1,100,268435455,,-3.7,40.4,500,3,1,0,0,",
            "CDMA,310,0,100,65535,,-90,40,500,3,1,0,0,",
            "LTE,214,1,100,268435455,,-3.7,40.4,500,3,1,0,0,",
            "NR,214,1,16777215,68719476735,,-3.7,40.4,500,3,1,0,0,");
        var cells = ReadAll(text);
        Assert.Equal([RadioType.Gsm, RadioType.Umts, RadioType.Cdma, RadioType.Lte, RadioType.Nr], cells.Select(c => c.Radio));
        Assert.Equal(68719476735L, cells[4].Cell);
    }

    [Theory]
    [InlineData("WIFI,214,7,28012,26012345,,-3.7,40.4,1200,57,1,0,0,0", "radio")]
    [InlineData("LTE,199,7,28012,26012345,,-3.7,40.4,1200,57,1,0,0,0", "mcc")]
    [InlineData("LTE,1000,7,28012,26012345,,-3.7,40.4,1200,57,1,0,0,0", "mcc")]
    [InlineData("LTE,214,1000,28012,26012345,,-3.7,40.4,1200,57,1,0,0,0", "net")]
    [InlineData("LTE,214,-1,28012,26012345,,-3.7,40.4,1200,57,1,0,0,0", "net")]
    [InlineData("LTE,214,7,99999999,26012345,,-3.7,40.4,1200,57,1,0,0,0", "area")]
    [InlineData("LTE,214,7,28012,268435456,,-3.7,40.4,1200,57,1,0,0,0", "cell")]
    [InlineData("GSM,214,7,28012,65536,,-3.7,40.4,1200,57,1,0,0,0", "cell")]
    [InlineData("LTE,214,7,28012,26012345,abc,-3.7,40.4,1200,57,1,0,0,0", "unit")]
    [InlineData("LTE,214,7,28012,26012345,,-180.5,40.4,1200,57,1,0,0,0", "lon")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,90.01,1200,57,1,0,0,0", "lat")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,NaN,1200,57,1,0,0,0", "lat")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,1e400,1200,57,1,0,0,0", "lat")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,150001,57,1,0,0,0", "range")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,-5,57,1,0,0,0", "range")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,1200,-1,1,0,0,0", "samples")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,1200,57,2,0,0,0", "changeable")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,1200,57,1,0,9999999999,0", "updated")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,1200,57,1,x,0,0", "created")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,1200,57,1,0,0,-999", "averageSignal")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,1200,57,1,0,0", "line")]
    [InlineData("LTE,214,7,28012,26012345,,-3.7,40.4,1200,57,1,0,0,0,extra", "line")]
    [InlineData("\"LTE\",214,7,28012,26012345,,-3.7,40.4,1200,57,1,0,0,0", "radio")]
    public void A_bad_value_names_the_line_and_the_field(string line, string field)
    {
        var bad = Assert.Throws<CellCsvException>(() => ReadAll(MadridLte + "\n" + line + "\n"));
        Assert.Equal(2, bad.Line);
        Assert.Equal(field, bad.Field);
        Assert.Contains($"line 2, field '{field}'", bad.Message);
    }

    [Fact]
    public void A_header_that_is_not_the_format_is_refused()
    {
        var bad = Assert.Throws<CellCsvException>(() => ReadAll("radio,mcc,mnc,lac,cid\n" + MadridLte));
        Assert.Equal(("header", 1L), (bad.Field, bad.Line));
    }

    [Fact]
    public void An_over_long_line_is_reported_and_skipped_without_reading_it_whole()
    {
        // 5 MB without a newline, between two good rows: bounded memory, and the next row is still read.
        var text = MadridLte + "\n" + new string('9', 5_000_000) + "\n" + MadridLte.Replace("28012", "28013");
        var bad = new List<CellCsvException>();
        var cells = OpenCellIdCsv.Read(Csv(text), new OpenCellIdLimits { MaxLineLength = 200 }, bad.Add).ToList();
        Assert.Equal([28012L, 28013L], cells.Select(c => c.Area));
        var error = Assert.Single(bad);
        Assert.Equal(("line", 2L), (error.Field, error.Line));
    }

    [Fact]
    public void Lenient_reading_skips_bad_lines_and_keeps_line_numbers_right()
    {
        var text = "\n" + MadridLte + "\ngarbage\n\u0000\u0001binary\n" + MadridLte.Replace("1200", "900") + "\n";
        var bad = new List<CellCsvException>();
        var cells = OpenCellIdCsv.Read(Csv(text), null, bad.Add).ToList();
        Assert.Equal([1200, 900], cells.Select(c => c.RangeMeters));
        Assert.Equal([3L, 4L], bad.Select(b => b.Line));
        Assert.DoesNotContain('\u0001', bad[1].Message);
    }

    [Fact]
    public void Format_writes_what_read_reads()
    {
        var cell = new CellRecord(RadioType.Nr, 310, 260, 12345, 68719476000, 47.6062123, -122.3320708, 350, 12, DateTimeOffset.FromUnixTimeSeconds(1_720_000_000));
        Assert.Equal(cell, Assert.Single(ReadAll(OpenCellIdCsv.Format(cell))));
    }
}
