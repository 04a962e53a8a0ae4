using GeoEdge.Bridge.Freshness;

namespace GeoEdge.Bridge.Tests;

public class NonceEpochsTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Fact]
    public void The_current_and_the_previous_epoch_are_fresh_an_older_one_inside_the_window_is_late()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var epochs = new NonceEpochs(clock, Period, Window);
        var first = epochs.Current.Epoch;
        Assert.Equal(EpochAge.Fresh, epochs.Classify(first));

        clock.Now += Period;
        var second = epochs.Rotate().Epoch;
        Assert.NotEqual(first, second);
        Assert.Equal(second, epochs.Current.Epoch);
        Assert.Equal(EpochAge.Fresh, epochs.Classify(second));
        Assert.Equal(EpochAge.Fresh, epochs.Classify(first));

        clock.Now += Period;
        var third = epochs.Rotate().Epoch;
        Assert.Equal(EpochAge.Fresh, epochs.Classify(third));
        Assert.Equal(EpochAge.Fresh, epochs.Classify(second));
        Assert.Equal(EpochAge.Late, epochs.Classify(first));
    }

    [Fact]
    public void An_epoch_older_than_the_late_window_is_forgotten()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var epochs = new NonceEpochs(clock, Period, Window);
        var first = epochs.Current.Epoch;
        // An hour and a bit of rotations: the first epoch leaves the one-hour window.
        for (var i = 0; i < 14; i++)
        {
            clock.Now += Period;
            epochs.Rotate();
        }
        Assert.Equal(EpochAge.Unknown, epochs.Classify(first));
    }

    [Fact]
    public void The_last_two_epochs_stay_fresh_even_after_a_silence_longer_than_the_window()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var epochs = new NonceEpochs(clock, Period, Window);
        var first = epochs.Current.Epoch;
        clock.Now += TimeSpan.FromDays(2);
        var second = epochs.Rotate().Epoch;
        Assert.Equal(EpochAge.Fresh, epochs.Classify(first));
        Assert.Equal(EpochAge.Fresh, epochs.Classify(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("not-an-epoch")]
    public void An_unknown_epoch_is_refused(string epoch)
    {
        var epochs = new NonceEpochs(TimeProvider.System, Period, Window);
        _ = epochs.Current;

        Assert.Equal(EpochAge.Unknown, epochs.Classify(epoch));
    }

    [Fact]
    public void An_epoch_says_it_is_valid_for_two_periods()
    {
        var epochs = new NonceEpochs(TimeProvider.System, TimeSpan.FromSeconds(300), Window);

        var epoch = epochs.Current;

        Assert.Equal(600, epoch.ValidSeconds);
        Assert.Matches("^[0-9a-f]{32}$", epoch.Epoch);
    }
}
