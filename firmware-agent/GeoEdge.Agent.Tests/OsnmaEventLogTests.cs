using GeoEdge.Agent.Gnss;
using GeoEdge.Agent.Logging;
using GeoEdge.Drivers.Osnma;

namespace GeoEdge.Agent.Tests;

public class OsnmaEventLogTests
{
    [Fact]
    public void A_flood_of_failed_tags_is_written_once_per_interval_with_the_count_held_back()
    {
        var sink = new StringWriter();
        var time = new ManualTime(DateTimeOffset.UnixEpoch);
        var events = new OsnmaEventLog(new AgentLog("agent", sink), time);

        for (var i = 0; i < 50; i++) events.Write(new OsnmaEvent(null, OsnmaEventKinds.TagFailed, $"E11 tag {i}", 11));
        events.Write(new OsnmaEvent(null, OsnmaEventKinds.TagFailed, "E12 tag 0", 12));
        events.Write(new OsnmaEvent(null, OsnmaEventKinds.KrootVerified, "chain 1"));
        time.Now += OsnmaEventLog.Interval;
        events.Write(new OsnmaEvent(null, OsnmaEventKinds.TagFailed, "E11 tag 50", 11));

        var lines = sink.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("error agent: osnma: TagFailed E11 tag 0", lines[0]);
        Assert.Contains("error agent: osnma: TagFailed E12 tag 0", lines[1]); // another satellite is never held back behind E11
        Assert.Contains("info agent: osnma: KrootVerified chain 1", lines[2]);
        Assert.Contains("TagFailed E11 tag 50 [49 more TagFailed in the last 10 s]", lines[3]);
    }

    [Fact]
    public void Routine_authentications_are_not_written()
    {
        var sink = new StringWriter();
        new OsnmaEventLog(new AgentLog("agent", sink)).Write(new OsnmaEvent(null, OsnmaEventKinds.NavDataAuthenticated, "E11"));
        Assert.Equal("", sink.ToString());
    }
}
