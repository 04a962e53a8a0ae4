using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace GeoEdge.Drivers.Serial.Tests;

public sealed class ReconnectingSerialLineSourceTests
{
    private const int Baud = 115200;
    private static readonly SerialLineSourceOptions FastRetry = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(400),
    };

    [Fact]
    public async Task Lines_resume_after_the_pty_pair_stops_and_starts_again()
    {
        using var rig = await PtyRig.StartAsync("lines-reconnect");
        var log = new ConcurrentQueue<string>();
        var source = new ReconnectingSerialLineSource(rig.Pair.DevicePath, Baud, log.Enqueue, FastRetry);
        await using var reader = LineCollector.Start(source);

        await SendUntilReceivedAsync(rig.Pair.SimulatorPath, "before", reader);
        Assert.Equal(0, source.Reconnects);

        rig.Pair.Stop();
        await WaitForAsync(() => !source.IsConnected, "the source to notice the device is gone");
        await Task.Delay(300); // a few failed opens while the device is missing
        await rig.Pair.StartAgainAsync();

        await SendUntilReceivedAsync(rig.Pair.SimulatorPath, "after", reader);
        Assert.Equal(1, source.Reconnects);
        Assert.Contains(log, l => l.Contains("lost") && l.Contains(rig.Pair.DevicePath));
        Assert.Contains(log, l => l.Contains("cannot open") && l.Contains("ENOENT"));
    }

    [Fact]
    public async Task A_device_that_appears_only_later_is_picked_up()
    {
        using var directory = new GeoEdge.Hil.Rig.Processes.RigDirectory("lines-late");
        using var pair = await GeoEdge.Hil.Rig.Serial.PtyPair.StartAsync(directory.Path);
        pair.Stop();
        var source = new ReconnectingSerialLineSource(pair.DevicePath, Baud, options: FastRetry);
        await using var reader = LineCollector.Start(source);
        await Task.Delay(300);
        Assert.False(source.IsConnected);

        await pair.StartAgainAsync();

        await SendUntilReceivedAsync(pair.SimulatorPath, "late", reader);
        Assert.Equal(0, source.Reconnects);
    }

    [Fact]
    public async Task A_megabyte_of_garbage_without_newline_is_counted_and_the_next_line_still_arrives()
    {
        using var rig = await PtyRig.StartAsync("lines-garbage");
        var source = new ReconnectingSerialLineSource(rig.Pair.DevicePath, Baud, options: FastRetry);
        await using var reader = LineCollector.Start(source);
        await SendUntilReceivedAsync(rig.Pair.SimulatorPath, "ready", reader);

        using (var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud))
        {
            var garbage = new byte[1 << 20];
            new Random(42).NextBytes(garbage);
            garbage.AsSpan().Replace((byte)'\n', (byte)'x');
            simulator.Write(garbage);
            simulator.Write("\r\n$GPTXT,01,01,02,after garbage*00\r\n"u8);
        }

        var line = await reader.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("$GPTXT,01,01,02,after garbage*00", line);
        Assert.Equal(1, source.OverlongLines);
        Assert.True(source.BytesRead >= 1 << 20, $"only {source.BytesRead} bytes counted");
    }

    [Fact]
    public async Task A_consumer_that_falls_behind_gets_the_newest_lines_and_the_drops_are_counted()
    {
        using var rig = await PtyRig.StartAsync("lines-queue");
        var source = new ReconnectingSerialLineSource(rig.Pair.DevicePath, Baud, options: FastRetry with { MaxQueuedLines = 4 });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var lines = source.ReadLinesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = lines.MoveNextAsync().AsTask();
        using var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud);
        while (!first.IsCompleted)
        {
            simulator.Write("ready\n"u8);
            await Task.WhenAny(first, Task.Delay(100));
        }
        Assert.True(await first);
        await WaitForAsync(() => source.LinesRead > 0 && lines.Current == "ready", "the first line");

        // The consumer stops reading while twenty lines arrive.
        var before = source.LinesRead;
        for (var i = 1; i <= 20; i++) simulator.Write(Encoding.ASCII.GetBytes($"line {i}\n"));
        await WaitForAsync(() => source.LinesRead >= before + 20, "twenty more lines to be read");

        var received = new List<string>();
        while (received.Count < 4 && await lines.MoveNextAsync())
            if (lines.Current != "ready") received.Add(lines.Current);
        Assert.Equal(["line 17", "line 18", "line 19", "line 20"], received);
        Assert.True(source.DroppedLines >= 16, $"{source.DroppedLines} lines dropped");
    }

    [Fact]
    public async Task Leaving_the_enumeration_early_closes_the_device_so_it_can_be_read_again()
    {
        using var rig = await PtyRig.StartAsync("lines-break");
        var source = new ReconnectingSerialLineSource(rig.Pair.DevicePath, Baud, options: FastRetry);
        await using (var reader = LineCollector.Start(source))
            await SendUntilReceivedAsync(rig.Pair.SimulatorPath, "first", reader);
        Assert.False(source.IsConnected);

        await using (var again = LineCollector.Start(source))
            await SendUntilReceivedAsync(rig.Pair.SimulatorPath, "second", again);
    }

    [Fact]
    public async Task Cancelling_the_enumeration_ends_it_promptly_even_while_waiting_for_a_missing_device()
    {
        var source = new ReconnectingSerialLineSource($"/dev/geoedge-missing-{Guid.NewGuid():N}", Baud);
        using var cts = new CancellationTokenSource();
        var enumeration = Task.Run(async () =>
        {
            await foreach (var _ in source.ReadLinesAsync(cts.Token)) { }
        });
        await Task.Delay(300); // into the backoff between failed opens

        var clock = Stopwatch.StartNew();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumeration);
        // The reader thread sees the token within one poll slice or backoff wait; the rest is
        // continuations on a thread pool that parallel rig tests keep busy, hence the margin.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    /// <summary>
    /// Writes the line every 100 ms until the source yields it: the source may still be opening
    /// the device, and bytes sent before it opens are flushed as stale, as they should be.
    /// </summary>
    private static async Task SendUntilReceivedAsync(string simulatorPath, string text, LineCollector reader)
    {
        using var simulator = SerialPort.Open(simulatorPath, Baud);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            simulator.Write(Encoding.ASCII.GetBytes(text + "\r\n"));
            var line = await reader.NextAsync(TimeSpan.FromMilliseconds(100), throwOnTimeout: false);
            while (line is not null && line != text) line = await reader.NextAsync(TimeSpan.FromMilliseconds(100), throwOnTimeout: false);
            if (line == text) return;
        }
        Assert.Fail($"'{text}' never came out of the line source");
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
