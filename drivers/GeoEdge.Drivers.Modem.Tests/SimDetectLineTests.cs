namespace GeoEdge.Drivers.Modem.Tests;

public sealed class SimDetectLineTests
{
    [Fact]
    public void The_fake_reports_what_it_is_set_to()
    {
        var line = new FakeSimDetectLine();
        Assert.True(line.IsInserted());
        line.Inserted = false;
        Assert.False(line.IsInserted());
        line.Inserted = null;
        Assert.Null(line.IsInserted());
    }

    [Fact]
    public void A_missing_chip_is_a_SimDetectException_naming_chip_and_line()
    {
        // This machine has libgpiod2 (scripts/install-deps.sh) but no GPIO chip at all.
        var error = Assert.Throws<SimDetectException>(() => new GpiodSimDetectLine("geoedge-no-such-chip", 17, activeLow: true));
        Assert.Contains("geoedge-no-such-chip", error.Message);
        Assert.Contains("line 17", error.Message);
        Assert.Contains("gpiod_chip_open_lookup", error.Message);
    }

    [Fact]
    public void A_missing_library_is_a_SimDetectException_naming_the_package()
    {
        var error = Assert.Throws<SimDetectException>(() => new GpiodSimDetectLine("gpiochip0", 3, activeLow: false, "libgpiod-geoedge-absent.so.9"));
        Assert.Contains("libgpiod-geoedge-absent.so.9", error.Message);
        Assert.Contains("libgpiod2", error.Message);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("gpiochip0", -1)]
    public void Nonsense_arguments_are_rejected_before_any_native_call(string chip, int line) =>
        Assert.ThrowsAny<ArgumentException>(() => new GpiodSimDetectLine(chip, line, activeLow: true));
}
