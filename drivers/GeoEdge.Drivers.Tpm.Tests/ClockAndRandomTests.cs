namespace GeoEdge.Drivers.Tpm.Tests;

public sealed class ClockAndRandomTests(SwtpmFixture tpm) : IClassFixture<SwtpmFixture>
{
    [Fact]
    public async Task Clock_advances_and_its_wire_form_is_a_tpms_time_info()
    {
        using var device = tpm.Open();
        var first = device.ReadClock();
        await Task.Delay(50);
        var second = TpmClock.Parse(device.ReadClock());

        Assert.Equal(TpmClock.WireSize, first.Length);
        var earlier = TpmClock.Parse(first);
        Assert.True(second.Clock > earlier.Clock, $"clock {earlier.Clock} -> {second.Clock}");
        Assert.True(second.Time > earlier.Time);
        Assert.Equal(earlier.ResetCount, second.ResetCount);
        Assert.Equal(earlier.RestartCount, second.RestartCount);
    }

    [Fact]
    public void Get_random_fills_more_than_one_tpm_response()
    {
        using var device = tpm.Open();

        var a = device.GetRandom(100);
        var b = device.GetRandom(100);

        Assert.Equal(100, a.Length);
        Assert.NotEqual(a, b);
        // 100 random bytes with fewer than 50 distinct values would be astonishing.
        Assert.True(a.Distinct().Count() > 50);
        Assert.Empty(device.GetRandom(0));
    }

    [Fact]
    public void Time_info_of_the_wrong_length_or_a_bad_safe_flag_is_a_format_error()
    {
        Assert.Throws<TpmFormatException>(() => TpmClock.Parse(new byte[24]));
        Assert.Throws<TpmFormatException>(() => TpmClock.Parse(new byte[26]));
        var badSafe = new byte[25];
        badSafe[24] = 2;
        Assert.Throws<TpmFormatException>(() => TpmClock.Parse(badSafe));
    }
}
