using System.Collections.Concurrent;
using System.Diagnostics;

namespace GeoEdge.Drivers.Serial.Tests;

public sealed class ReconnectingSerialByteSourceTests
{
    private const int Baud = 115200;
    private static readonly SerialByteSourceOptions FastRetry = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(400),
    };

    [Fact]
    public async Task Binary_bytes_arrive_unchanged_including_nul_cr_and_lf()
    {
        using var rig = await PtyRig.StartAsync("bytes-binary");
        var received = new ByteCollector();
        var source = new ReconnectingSerialByteSource(rig.Pair.DevicePath, Baud, options: FastRetry);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(received.Add, null, stop.Token);
        await WaitForAsync(() => source.IsConnected, "the source to open the device");

        var payload = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        using (var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud)) simulator.Write(payload);

        await WaitForAsync(() => received.Count >= payload.Length, "all bytes");
        Assert.Equal(payload, received.ToArray());
        Assert.Equal(payload.Length, source.BytesRead);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task Each_reconnect_is_announced_before_the_bytes_of_the_new_connection()
    {
        using var rig = await PtyRig.StartAsync("bytes-reconnect");
        var events = new ConcurrentQueue<string>();
        var log = new ConcurrentQueue<string>();
        var source = new ReconnectingSerialByteSource(rig.Pair.DevicePath, Baud, log.Enqueue, FastRetry);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(b => events.Enqueue($"bytes {b.Length}"), () => events.Enqueue("connected"), stop.Token);
        await WaitForAsync(() => source.IsConnected, "the first open");

        rig.Pair.Stop();
        await WaitForAsync(() => !source.IsConnected, "the source to notice the device is gone");
        await rig.Pair.StartAgainAsync();
        await WaitForAsync(() => source.IsConnected, "the reopen");
        using (var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud)) simulator.Write([1, 2, 3]);
        await WaitForAsync(() => events.Any(e => e.StartsWith("bytes")), "the bytes after the reopen");

        Assert.Equal(1, source.Reconnects);
        Assert.Equal(["connected", "connected"], events.Where(e => e == "connected"));
        Assert.Equal("connected", events.TakeWhile(e => !e.StartsWith("bytes")).Last());
        Assert.Contains(log, l => l.Contains("lost"));
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_throwing_handler_faults_the_run_and_frees_the_source_for_another_run()
    {
        using var rig = await PtyRig.StartAsync("bytes-throw");
        var source = new ReconnectingSerialByteSource(rig.Pair.DevicePath, Baud, options: FastRetry);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(_ => throw new InvalidDataException("consumer bug"), null, stop.Token);
        await WaitForAsync(() => source.IsConnected, "the source to open the device");
        Assert.Throws<InvalidOperationException>(() => { _ = source.RunAsync(_ => { }, null, stop.Token); });

        using (var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud)) simulator.Write([0xB5]);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => run);
        Assert.Equal("consumer bug", ex.Message);
        Assert.False(source.IsConnected);
        var again = source.RunAsync(_ => { }, null, stop.Token);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => again);
    }

    [Fact]
    public void Impossible_settings_are_refused_up_front()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectingSerialByteSource("/dev/null", 12345));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectingSerialByteSource("/dev/null", Baud, options: new() { ReadTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectingSerialByteSource("/dev/null", Baud,
            options: new() { InitialBackoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromSeconds(1) }));
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new Xunit.Sdk.XunitException($"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    private sealed class ByteCollector
    {
        private readonly List<byte> _bytes = [];

        public int Count { get { lock (_bytes) return _bytes.Count; } }

        public void Add(ReadOnlySpan<byte> bytes)
        {
            lock (_bytes) _bytes.AddRange(bytes);
        }

        public byte[] ToArray() { lock (_bytes) return _bytes.ToArray(); }
    }
}
