using GeoEdge.Agent.State;

namespace GeoEdge.Agent.Tests;

public class SequenceCounterTests
{
    [Fact]
    public void Committed_numbers_survive_a_restart_and_peeked_ones_do_not()
    {
        using var dir = new TempDirectory();
        var counter = new SequenceCounter(dir.Path);
        Assert.Equal(1ul, counter.Peek());
        counter.Commit(1);
        counter.Commit(2);
        Assert.Equal(3ul, counter.Peek());

        var restarted = new SequenceCounter(dir.Path);
        Assert.Equal(2ul, restarted.Last);
        Assert.Equal(3ul, restarted.Peek());
    }

    [Fact]
    public void Committing_out_of_order_is_refused()
    {
        using var dir = new TempDirectory();
        var counter = new SequenceCounter(dir.Path);
        Assert.Throws<InvalidOperationException>(() => counter.Commit(2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("12abc")]
    [InlineData("99999999999999999999999")]
    public void A_corrupt_sequence_file_is_refused_rather_than_guessed(string contents)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("seq"), contents);
        var e = Assert.Throws<InvalidDataException>(() => new SequenceCounter(dir.Path));
        Assert.Contains("corrupt", e.Message);
    }
}
