using System.Diagnostics;
using System.Text;

namespace GeoEdge.Drivers.Serial.Tests;

public sealed class SerialPortTests
{
    private const int Baud = 115200;

    [Fact]
    public async Task Bytes_cross_the_pty_pair_intact_in_both_directions()
    {
        using var rig = await PtyRig.StartAsync("serial-bytes");
        using var device = SerialPort.Open(rig.Pair.DevicePath, Baud);
        using var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud);

        // Every byte value, including the ones a cooked tty would interpret (^C, ^D, ^S, \r, \n).
        var allBytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        simulator.Write(allBytes);
        Assert.Equal(allBytes, ReadExactly(device, allBytes.Length));

        var reply = Encoding.ASCII.GetBytes("$PUBX,00*33\r\n");
        device.Write(reply);
        Assert.Equal(reply, ReadExactly(simulator, reply.Length));
    }

    [Fact]
    public async Task A_large_write_arrives_completely_although_the_pty_accepts_it_in_pieces()
    {
        using var rig = await PtyRig.StartAsync("serial-large");
        using var device = SerialPort.Open(rig.Pair.DevicePath, Baud);
        using var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud);
        var payload = new byte[200_000];
        new Random(7).NextBytes(payload);

        // Far more than a pty buffers, so the writer must resume after partial writes and EAGAIN
        // while the reader drains the other end.
        var writer = Task.Run(() => simulator.Write(payload));
        var received = ReadExactly(device, payload.Length);
        await writer;

        Assert.Equal(payload, received);
    }

    [Fact]
    public async Task Read_returns_zero_when_nothing_arrives_within_the_timeout()
    {
        using var rig = await PtyRig.StartAsync("serial-timeout");
        using var device = SerialPort.Open(rig.Pair.DevicePath, Baud);
        var timeout = TimeSpan.FromMilliseconds(300);

        var clock = Stopwatch.StartNew();
        var count = device.Read(new byte[64], timeout, CancellationToken.None);
        clock.Stop();

        Assert.Equal(0, count);
        Assert.InRange(clock.Elapsed, timeout - TimeSpan.FromMilliseconds(5), timeout + TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Cancelling_a_read_that_would_wait_30_s_returns_within_a_second()
    {
        using var rig = await PtyRig.StartAsync("serial-cancel");
        using var device = SerialPort.Open(rig.Pair.DevicePath, Baud);
        using var cts = new CancellationTokenSource();
        // Cancelled from a thread of its own: a CancelAfter timer needs the thread pool, which
        // parallel rig tests can keep busy, and the test would measure that instead of Read.
        var cancelledAt = 0L;
        var canceller = new Thread(() =>
        {
            Thread.Sleep(200);
            Volatile.Write(ref cancelledAt, Stopwatch.GetTimestamp());
            cts.Cancel();
        });
        canceller.Start();

        Assert.ThrowsAny<OperationCanceledException>(() => device.Read(new byte[64], TimeSpan.FromSeconds(30), cts.Token));

        var latency = Stopwatch.GetElapsedTime(Volatile.Read(ref cancelledAt));
        Assert.True(latency < TimeSpan.FromSeconds(1), $"Read returned {latency.TotalMilliseconds:0} ms after cancellation");
        canceller.Join();
    }

    [Fact]
    public async Task Disposing_the_port_ends_a_read_in_progress_on_another_thread()
    {
        using var rig = await PtyRig.StartAsync("serial-dispose");
        var device = SerialPort.Open(rig.Pair.DevicePath, Baud);
        Exception? failure = null;
        using var returned = new ManualResetEventSlim();
        var reader = new Thread(() =>
        {
            try { device.Read(new byte[64], TimeSpan.FromSeconds(30)); }
            catch (Exception e) { failure = e; }
            finally { returned.Set(); }
        });
        reader.Start();
        Thread.Sleep(150);

        device.Dispose();

        Assert.True(returned.Wait(TimeSpan.FromSeconds(1)), "the read did not end within 1 s of Dispose");
        Assert.IsType<ObjectDisposedException>(failure);
        reader.Join();
    }

    [Fact]
    public async Task Stopping_socat_under_an_open_port_raises_device_gone()
    {
        using var rig = await PtyRig.StartAsync("serial-gone");
        using var device = SerialPort.Open(rig.Pair.DevicePath, Baud);

        rig.Pair.Stop();

        var gone = Assert.Throws<SerialDeviceGoneException>(() => device.Read(new byte[64], TimeSpan.FromSeconds(5)));
        Assert.Equal(rig.Pair.DevicePath, gone.DevicePath);
        Assert.Throws<SerialDeviceGoneException>(() => device.Write("$"u8));
    }

    [Fact]
    public async Task A_write_nobody_drains_times_out_instead_of_hanging()
    {
        using var rig = await PtyRig.StartAsync("serial-write-timeout");
        using var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud);
        simulator.WriteTimeout = TimeSpan.FromMilliseconds(300);

        // Nobody opens the device side: socat's and both ptys' buffers fill, then write() says EAGAIN.
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<TimeoutException>(() => simulator.Write(new byte[4 << 20]));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Contains(rig.Pair.SimulatorPath, error.Message);
    }

    [Fact]
    public void Opening_a_missing_device_names_errno_and_path()
    {
        var path = $"/dev/geoedge-no-such-tty-{Guid.NewGuid():N}";

        var error = Assert.Throws<SerialPortException>(() => SerialPort.Open(path, Baud));

        Assert.Equal(2, error.Errno);
        Assert.Equal("ENOENT", error.ErrnoName);
        Assert.Equal(path, error.DevicePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("ENOENT", error.Message);
        Assert.Contains("No such file or directory", error.Message);
    }

    [Fact]
    public void Opening_a_regular_file_is_refused_as_not_a_tty()
    {
        var path = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<SerialPortException>(() => SerialPort.Open(path, Baud));

            Assert.Equal("ENOTTY", error.ErrnoName);
            Assert.Equal("tcgetattr", error.Operation);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12345)]
    [InlineData(-9600)]
    public void A_baud_rate_without_a_termios_constant_is_refused_before_opening(int baud)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SerialPort.Open("/dev/null", baud));
        Assert.Contains("115200", error.Message);
    }

    [Fact]
    public async Task Bytes_written_before_the_device_was_opened_are_discarded_as_stale()
    {
        using var rig = await PtyRig.StartAsync("serial-stale");
        using var simulator = SerialPort.Open(rig.Pair.SimulatorPath, Baud);
        simulator.Write("stale position\n"u8);
        await Task.Delay(200); // let socat move it into the device side's input queue

        using var device = SerialPort.Open(rig.Pair.DevicePath, Baud);
        simulator.Write("fresh\n"u8);

        Assert.Equal("fresh\n"u8.ToArray(), ReadExactly(device, 6));
    }

    private static byte[] ReadExactly(SerialPort port, int length)
    {
        var result = new byte[length];
        var filled = 0;
        var deadline = Stopwatch.StartNew();
        while (filled < length)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), $"only {filled} of {length} bytes arrived");
            filled += port.Read(result.AsSpan(filled), TimeSpan.FromSeconds(2));
        }
        return result;
    }
}
