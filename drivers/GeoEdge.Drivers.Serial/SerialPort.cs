using System.Diagnostics;
using System.Runtime.InteropServices;
using GeoEdge.Drivers.Serial.Native;

namespace GeoEdge.Drivers.Serial;

/// <summary>
/// A tty opened raw 8N1, non-blocking. Every wait is a poll() of at most <see cref="PollSlice"/>,
/// so a cancelled token or a Dispose is noticed within that slice: a read never pins shutdown.
/// One reader and one writer may work concurrently; two concurrent reads (or writes) may not.
/// </summary>
public sealed class SerialPort : IDisposable
{
    /// <summary>The longest single poll(); bounds how late cancellation and Dispose are seen.</summary>
    public static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(100);

    private readonly SafeSerialHandle _handle;
    private volatile bool _disposed;

    public string DevicePath { get; }
    public int BaudRate { get; }

    /// <summary>How long <see cref="Write"/> waits for room in the output queue before giving up.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    private SerialPort(string devicePath, int baudRate, SafeSerialHandle handle)
    {
        DevicePath = devicePath;
        BaudRate = baudRate;
        _handle = handle;
    }

    /// <summary>Opens <paramref name="path"/> raw 8N1 at <paramref name="baudRate"/> and discards stale input.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The baud rate has no termios constant.</exception>
    /// <exception cref="SerialPortException">open or termios setup failed (ENOENT, EACCES, ENOTTY, ...).</exception>
    public static SerialPort Open(string path, int baudRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var speed = BaudRates.ToSpeed(baudRate);

        var fd = LibC.Open(path, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0) throw SerialPortException.FromLastError("open", path);
        var handle = new SafeSerialHandle(fd);
        try
        {
            RawTerminal.Configure(handle, speed, path);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        return new SerialPort(path, baudRate, handle);
    }

    /// <summary>
    /// Reads what is available, waiting up to <paramref name="timeout"/> (or forever with
    /// <see cref="Timeout.InfiniteTimeSpan"/>) for the first byte. Returns 0 on timeout.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    /// <exception cref="SerialDeviceGoneException">Hangup, EIO, ENXIO or end of file.</exception>
    public unsafe int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken ct = default)
    {
        if (buffer.IsEmpty) throw new ArgumentException("the read buffer is empty", nameof(buffer));
        var wait = Deadline.Start(timeout);
        using var lease = Lease();
        while (true)
        {
            ThrowIfStopped(ct);
            var events = PollOnce(lease.Fd, LibC.POLLIN, wait.NextSliceMilliseconds(PollSlice), "poll (read)");
            if ((events & LibC.POLLIN) != 0)
            {
                nint count;
                fixed (byte* p = buffer) count = LibC.Read(lease.Fd, p, (nuint)buffer.Length);
                if (count > 0) return (int)count;
                // A tty in raw mode reads 0 bytes only when the other end hung up.
                if (count == 0) throw new SerialDeviceGoneException("read", DevicePath, 0, "end of file (hangup)");
                var errno = Marshal.GetLastPInvokeError();
                if (errno is not (Errno.EAGAIN or Errno.EINTR)) throw FromErrno("read", errno);
            }
            else if ((events & (LibC.POLLHUP | LibC.POLLERR | LibC.POLLNVAL)) != 0)
            {
                throw new SerialDeviceGoneException("poll (read)", DevicePath, 0, $"poll reported {DescribeEvents(events)}");
            }
            if (wait.Expired) return 0;
        }
    }

    /// <summary>
    /// Writes all of <paramref name="data"/>, resuming after partial writes and waiting (in
    /// poll slices) while the output queue is full.
    /// </summary>
    /// <exception cref="TimeoutException">The queue stayed full for <see cref="WriteTimeout"/>.</exception>
    /// <exception cref="SerialDeviceGoneException">Hangup, EIO, ENXIO.</exception>
    public unsafe void Write(ReadOnlySpan<byte> data, CancellationToken ct = default)
    {
        var total = data.Length;
        var wait = Deadline.Start(WriteTimeout);
        using var lease = Lease();
        while (!data.IsEmpty)
        {
            ThrowIfStopped(ct);
            nint written;
            fixed (byte* p = data) written = LibC.Write(lease.Fd, p, (nuint)data.Length);
            if (written > 0)
            {
                data = data[(int)written..];
                continue;
            }
            if (written < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Errno.EINTR) continue;
                if (errno != Errno.EAGAIN) throw FromErrno("write", errno);
            }
            if (wait.Expired)
                throw new TimeoutException($"write on {DevicePath}: output queue full for {WriteTimeout.TotalSeconds:0.###} s, {total - data.Length} of {total} bytes written");
            var events = PollOnce(lease.Fd, LibC.POLLOUT, wait.NextSliceMilliseconds(PollSlice), "poll (write)");
            if ((events & LibC.POLLOUT) == 0 && (events & (LibC.POLLHUP | LibC.POLLERR | LibC.POLLNVAL)) != 0)
                throw new SerialDeviceGoneException("poll (write)", DevicePath, 0, $"poll reported {DescribeEvents(events)}");
        }
    }

    public void Dispose()
    {
        _disposed = true;
        // Closes now, or when the read/write in progress releases its lease (within one slice).
        _handle.Dispose();
    }

    private unsafe short PollOnce(int fd, short wanted, int timeoutMs, string operation)
    {
        var pollFd = new PollFd { Fd = fd, Events = wanted };
        var ready = LibC.Poll(&pollFd, 1, timeoutMs);
        if (ready > 0) return pollFd.ReturnedEvents;
        if (ready == 0) return 0;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == Errno.EINTR) return 0;
        throw FromErrno(operation, errno);
    }

    private void ThrowIfStopped(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
    }

    private SerialPortException FromErrno(string operation, int errno) => Errno.MeansDeviceGone(errno)
        ? new SerialDeviceGoneException(operation, DevicePath, errno)
        : new SerialPortException(operation, DevicePath, errno);

    private static string DescribeEvents(short events)
    {
        var names = new List<string>(3);
        if ((events & LibC.POLLHUP) != 0) names.Add("POLLHUP");
        if ((events & LibC.POLLERR) != 0) names.Add("POLLERR");
        if ((events & LibC.POLLNVAL) != 0) names.Add("POLLNVAL");
        return string.Join('|', names);
    }

    private HandleLease Lease()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(SerialPort), $"{DevicePath} is closed");
        }
        return new HandleLease(_handle);
    }

    /// <summary>Keeps the fd open for the duration of one read or write.</summary>
    private readonly struct HandleLease(SafeSerialHandle handle) : IDisposable
    {
        public int Fd => handle.Fd;
        public void Dispose() => handle.DangerousRelease();
    }

    /// <summary>A timeout measured on the monotonic clock, handed out in poll-sized slices.</summary>
    private readonly struct Deadline
    {
        private readonly long _start;
        private readonly TimeSpan _timeout;

        private Deadline(TimeSpan timeout)
        {
            _start = Stopwatch.GetTimestamp();
            _timeout = timeout;
        }

        public static Deadline Start(TimeSpan timeout)
        {
            if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "must be zero or more, or Timeout.InfiniteTimeSpan");
            return new Deadline(timeout);
        }

        private bool Infinite => _timeout == Timeout.InfiniteTimeSpan;

        public bool Expired => !Infinite && Stopwatch.GetElapsedTime(_start) >= _timeout;

        public int NextSliceMilliseconds(TimeSpan slice)
        {
            if (Infinite) return (int)slice.TotalMilliseconds;
            var remaining = _timeout - Stopwatch.GetElapsedTime(_start);
            if (remaining <= TimeSpan.Zero) return 0;
            // Round up so that a sub-millisecond remainder sleeps instead of spinning.
            return (int)Math.Min(slice.TotalMilliseconds, Math.Ceiling(remaining.TotalMilliseconds));
        }
    }
}
