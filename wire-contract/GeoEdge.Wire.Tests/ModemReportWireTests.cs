using GeoEdge.Wire.Readings;

namespace GeoEdge.Wire.Tests;

/// <summary>The modem report in the canonical reading: absent bytes unchanged, present ones checked field by field.</summary>
public sealed class ModemReportWireTests
{
    private static Reading Reading(ModemReport? modem) => new()
    {
        V = Readings.Reading.CurrentVersion, HostId = "edge-01", Seq = 7, Time = DateTimeOffset.Parse("2026-11-23T10:00:00.123Z"),
        NonceEpoch = "q1w2e3r4t5y6u7i8", Modem = modem,
    };

    private static readonly ModemReport Genuine = new()
    {
        Imei = "867962041234567", Imsi = "214011234567890", Iccid = "8934011234567890123", Sim = SimStates.Ready, Operator = "21401",
        Cell = new CellReport { Radio = CellRadios.Lte, Mcc = 214, Mnc = 1, Area = 0x1A2B, CellId = 0x1A2B3C4, Pci = 123, Earfcn = 1850, Rsrp = -95 },
    };

    [Fact]
    public void A_reading_without_a_modem_encodes_as_before_and_one_with_it_round_trips()
    {
        Assert.DoesNotContain("\"modem\"", System.Text.Encoding.UTF8.GetString(CanonicalReading.Encode(Reading(null))));

        var bytes = CanonicalReading.Encode(Reading(Genuine));
        var decoded = CanonicalReading.Decode(bytes);

        Assert.Equal(Genuine with { Cell = null }, decoded.Modem! with { Cell = null });
        Assert.Equal(Genuine.Cell, decoded.Modem!.Cell);
    }

    [Theory]
    [InlineData("imei", "modem.imei")]
    [InlineData("iccid", "modem.iccid")]
    [InlineData("sim", "modem.sim")]
    [InlineData("mcc", "modem.cell.mcc")]
    [InlineData("radio", "modem.cell.radio")]
    [InlineData("cellId", "modem.cell.cellId")]
    public void A_malformed_field_is_refused_naming_its_path(string field, string path)
    {
        var modem = field switch
        {
            "imei" => Genuine with { Imei = "86796204123456X" },
            "iccid" => Genuine with { Iccid = "123" },
            "sim" => Genuine with { Sim = "gone" },
            "mcc" => Genuine with { Cell = Genuine.Cell! with { Mcc = 99 } },
            "radio" => Genuine with { Cell = Genuine.Cell! with { Radio = "6g" } },
            _ => Genuine with { Cell = Genuine.Cell! with { CellId = -1 } },
        };

        var e = Assert.Throws<WireFormatException>(() => CanonicalReading.Decode(CanonicalReading.Encode(Reading(modem))));

        Assert.Contains(path, e.Message);
    }
}
