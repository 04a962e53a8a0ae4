using GeoEdge.Bridge.Freshness;

namespace GeoEdge.Bridge.Tests;

public class NonceEpochsTests
{
    [Fact]
    public void The_current_and_the_previous_epoch_are_accepted_an_older_one_is_not()
    {
        var epochs = new NonceEpochs(TimeProvider.System, TimeSpan.FromMinutes(5));
        var first = epochs.Current.Epoch;
        Assert.True(epochs.IsAcceptable(first));

        var second = epochs.Rotate().Epoch;
        Assert.NotEqual(first, second);
        Assert.Equal(second, epochs.Current.Epoch);
        Assert.True(epochs.IsAcceptable(second));
        Assert.True(epochs.IsAcceptable(first));

        var third = epochs.Rotate().Epoch;
        Assert.True(epochs.IsAcceptable(third));
        Assert.True(epochs.IsAcceptable(second));
        Assert.False(epochs.IsAcceptable(first));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("not-an-epoch")]
    public void An_unknown_epoch_is_refused(string epoch)
    {
        var epochs = new NonceEpochs(TimeProvider.System, TimeSpan.FromMinutes(5));
        _ = epochs.Current;

        Assert.False(epochs.IsAcceptable(epoch));
    }

    [Fact]
    public void An_epoch_says_it_is_valid_for_two_periods()
    {
        var epochs = new NonceEpochs(TimeProvider.System, TimeSpan.FromSeconds(300));

        var epoch = epochs.Current;

        Assert.Equal(600, epoch.ValidSeconds);
        Assert.Matches("^[0-9a-f]{32}$", epoch.Epoch);
    }
}
