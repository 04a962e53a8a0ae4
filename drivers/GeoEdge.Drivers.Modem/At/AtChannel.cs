using System.Diagnostics;
using System.Text;

namespace GeoEdge.Drivers.Modem;

/// <summary>
/// Talks AT to a modem: one command at a time (callers are queued), echo tolerated, information
/// lines collected until the final result code, unsolicited result codes routed to
/// <see cref="Unsolicited"/> even when they arrive between a command and its answer. A command
/// that times out triggers a recovery ("AT" probes until OK): answered, the caller gets an
/// <see cref="AtTimeoutException"/>; unanswered, a <see cref="ModemUnavailableException"/> and the
/// next command first tries to resynchronise. A cancelled command also resynchronises the next one,
/// since its late answer may still be on the way.
/// The channel owns the transport and disposes it when that is disposable.
/// <see cref="Unsolicited"/> runs on the reader task: keep handlers short, they delay the next line.
/// </summary>
public sealed class AtChannel : IAsyncDisposable
{
    private const int MaxCommandLength = 512;

    private readonly IAtTransport _transport;
    private readonly AtChannelOptions _options;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly Task _reader;
    private PendingCommand? _pending;
    private Exception? _readerFault;
    private bool _needsResync;
    private long _discardedLines;
    private int _disposed;

    /// <summary>An unsolicited result code (RDY, +CEREG: ..., +QSIMSTAT: ..., POWERED DOWN, ...).</summary>
    public event Action<string>? Unsolicited;

    public AtChannel(IAtTransport transport, AtChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _options = options ?? new AtChannelOptions();
        _options.Validate();
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Lines thrown away: overlong, binary garbage, or neither a response nor a URC.</summary>
    public long DiscardedLines => Interlocked.Read(ref _discardedLines);

    /// <summary>
    /// Sends <paramref name="command"/> (e.g. "AT+CGSN"; the CR is added) and returns its answer,
    /// whatever the final result code: use <see cref="AtResponse.EnsureOk"/> to require OK.
    /// </summary>
    /// <exception cref="ArgumentException">Not an AT command line (must start with AT, printable ASCII, at most 512 chars).</exception>
    /// <exception cref="AtTimeoutException">No final result within the timeout; the modem answers probes.</exception>
    /// <exception cref="ModemUnavailableException">The modem does not answer at all, or the device is gone.</exception>
    /// <exception cref="AtProtocolException">The answer exceeded <see cref="AtChannelOptions.MaxLinesPerResponse"/>.</exception>
    public async Task<AtResponse> SendAsync(string command, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        ValidateCommand(command);
        var limit = timeout ?? _options.DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _oneAtATime.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ThrowIfReaderFailed(command);
            if (_needsResync)
            {
                if (!await ProbeAsync(ct).ConfigureAwait(false))
                    throw new ModemUnavailableException(command, $"no answer to AT after {_options.ProbeAttempts} probes of {_options.ProbeTimeout.TotalMilliseconds:0} ms");
                _needsResync = false;
            }
            try
            {
                return await ExchangeAsync(command, limit, ct).ConfigureAwait(false);
            }
            catch (AtTimeoutException timedOut)
            {
                if (await ProbeAsync(ct).ConfigureAwait(false)) throw;
                _needsResync = true;
                throw new ModemUnavailableException(command, $"{timedOut.Message}; then no answer to AT after {_options.ProbeAttempts} probes", timedOut);
            }
            catch (AtProtocolException)
            {
                _needsResync = true; // the rest of the runaway answer is still coming
                throw;
            }
        }
        catch (OperationCanceledException)
        {
            _needsResync = true;
            throw;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        try { await _reader.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        switch (_transport)
        {
            case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync().ConfigureAwait(false); break;
            case IDisposable disposable: disposable.Dispose(); break;
        }
        _stop.Dispose();
    }

    /// <summary>Drains, then sends "AT" until OK or the attempts run out. Lines of the failed command are discarded meanwhile.</summary>
    private async Task<bool> ProbeAsync(CancellationToken ct)
    {
        if (_options.RecoveryDrain > TimeSpan.Zero) await Task.Delay(_options.RecoveryDrain, ct).ConfigureAwait(false);
        for (var attempt = 0; attempt < _options.ProbeAttempts; attempt++)
        {
            try
            {
                if ((await ExchangeAsync("AT", _options.ProbeTimeout, ct).ConfigureAwait(false)).IsOk) return true;
            }
            catch (AtTimeoutException) { }
            catch (AtProtocolException) { }
            catch (ModemUnavailableException) { return false; }
        }
        return false;
    }

    private async Task<AtResponse> ExchangeAsync(string command, TimeSpan timeout, CancellationToken ct)
    {
        var pending = new PendingCommand(command, UnsolicitedCodes.AnswerPrefixesOf(command));
        lock (_gate) _pending = pending;
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            try
            {
                await _transport.WriteAsync(Encoding.ASCII.GetBytes(command + "\r"), deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ModemUnavailableException(command, $"cannot write to the modem: {e.Message}", e);
            }
            return await pending.Done.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AtTimeoutException(command, clock.Elapsed, timeout);
        }
        finally
        {
            lock (_gate) if (ReferenceEquals(_pending, pending)) _pending = null;
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            await foreach (var raw in _transport.ReadLinesAsync(_stop.Token).ConfigureAwait(false)) OnLine(raw);
            Fail(new ModemUnavailableException("(reader)", "the transport stopped yielding lines"));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            Fail(new ObjectDisposedException(nameof(AtChannel)));
        }
        catch (Exception e)
        {
            Fail(new ModemUnavailableException("(reader)", $"reading failed: {e.Message}", e));
        }
    }

    private void Fail(Exception fault)
    {
        PendingCommand? pending;
        lock (_gate)
        {
            _readerFault = fault;
            pending = _pending;
            _pending = null;
        }
        pending?.Done.TrySetException(fault);
    }

    private void OnLine(string raw)
    {
        var line = raw.Trim();
        if (line.Length == 0) return;
        if (line.Length > _options.MaxLineLength || !IsPrintableAscii(line))
        {
            Discard(line, line.Length > _options.MaxLineLength ? "overlong" : "not printable ASCII");
            return;
        }
        string? unsolicited = null;
        lock (_gate)
        {
            var pending = _pending;
            if (pending is null)
            {
                if (UnsolicitedCodes.IsUnsolicited(line, null)) unsolicited = line;
                else Discard(line, "no command running");
            }
            else if (pending.IsEcho(line))
            {
                // echo (ATE1) of the running command: not part of the answer
            }
            else if (FinalResultCodes.TryClassify(line, out var final, out var errorCode))
            {
                _pending = null;
                pending.Done.TrySetResult(new AtResponse(pending.Command, pending.Lines.ToArray(), final, errorCode));
            }
            else if (UnsolicitedCodes.IsUnsolicited(line, pending.AnswerPrefixes))
            {
                unsolicited = line;
            }
            else if (pending.Lines.Count >= _options.MaxLinesPerResponse)
            {
                _pending = null;
                pending.Done.TrySetException(new AtProtocolException(pending.Command, $"more than {_options.MaxLinesPerResponse} lines before a final result code"));
            }
            else
            {
                pending.Lines.Add(line);
            }
        }
        if (unsolicited is not null) RaiseUnsolicited(unsolicited);
    }

    private void RaiseUnsolicited(string line)
    {
        try
        {
            Unsolicited?.Invoke(line);
        }
        catch (Exception e)
        {
            // A failing subscriber must not stop the reader: every later command would time out.
            _options.Log?.Invoke($"AT channel: unsolicited handler failed on {AtParseException.Quote(line)}: {e.Message}");
        }
    }

    private void Discard(string line, string why)
    {
        Interlocked.Increment(ref _discardedLines);
        _options.Log?.Invoke($"AT channel: discarded {AtParseException.Quote(line)} ({why})");
    }

    private void ThrowIfReaderFailed(string command)
    {
        Exception? fault;
        lock (_gate) fault = _readerFault;
        if (fault is ObjectDisposedException) throw new ObjectDisposedException(nameof(AtChannel));
        if (fault is not null) throw new ModemUnavailableException(command, fault.Message, fault);
    }

    private static bool IsPrintableAscii(string line)
    {
        foreach (var c in line)
            if (c is < ' ' or > '~' && c != '\t') return false;
        return true;
    }

    private static void ValidateCommand(string command)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        if (command.Length > MaxCommandLength)
            throw new ArgumentException($"an AT command line is at most {MaxCommandLength} characters", nameof(command));
        if (!command.StartsWith("AT", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{command}' does not start with AT", nameof(command));
        if (!IsPrintableAscii(command) || command.Contains('\t'))
            throw new ArgumentException("an AT command is printable ASCII without CR or LF", nameof(command));
    }

    private sealed class PendingCommand(string command, IReadOnlySet<string> answerPrefixes)
    {
        public string Command { get; } = command;
        public IReadOnlySet<string> AnswerPrefixes { get; } = answerPrefixes;
        public List<string> Lines { get; } = [];
        public TaskCompletionSource<AtResponse> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsEcho(string line) => Lines.Count == 0 && string.Equals(line, Command, StringComparison.OrdinalIgnoreCase);
    }
}
