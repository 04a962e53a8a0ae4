namespace GeoEdge.Wire.Tests;

public class TopicsTests
{
    [Fact]
    public void Host_topics_round_trip()
    {
        Assert.Equal("geoedge/v1/hosts/edge-01/readings", Topics.Readings("edge-01"));
        Assert.Equal(("edge-01", "readings"), Topics.ParseHostTopic("geoedge/v1/hosts/edge-01/readings"));
    }

    [Theory]
    [InlineData("geoedge/v1/hosts/edge-01")]
    [InlineData("geoedge/v1/hosts//readings")]
    [InlineData("geoedge/v1/hosts/a/b/readings")]
    [InlineData("other/v1/hosts/a/readings")]
    [InlineData("geoedge/v1/hosts/+/readings")]
    public void Foreign_topics_do_not_parse(string topic) => Assert.Null(Topics.ParseHostTopic(topic));

    [Theory]
    [InlineData("a/b")]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("")]
    [InlineData("-leading-dash")]
    public void Host_ids_that_could_break_the_topic_tree_are_refused(string hostId) =>
        Assert.Throws<WireFormatException>(() => Topics.Readings(hostId));

    [Fact]
    public void Oversized_messages_are_refused_unread()
    {
        var e = Assert.Throws<WireFormatException>(() => WireJson.Decode<Messages.ResultMessage>(new byte[WireJson.MaxMessageBytes + 1]));
        Assert.Contains("exceeds", e.Message);
    }
}
