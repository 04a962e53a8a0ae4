using System.Security.Cryptography;
using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;
using GeoEdge.Ima;
using GeoEdge.MeasuredBoot;
using GeoEdge.Wire.Messages;

namespace GeoEdge.Agent.Measurements;

/// <summary>
/// Picks, after each quote, the measurements that go with the reading: the firmware event log when the
/// bridge has not had it (first reading, the log changed, or the bridge asked), and the IMA entries
/// measured since those sent before. The agent judges none of them (that is the bridge's job); it only
/// replays PCR 10 to send exactly the entries the quote covers, so that the bridge can continue where
/// the last reading stopped even when the kernel measures something between the quote and the read.
/// </summary>
public sealed class MeasurementCollector(MeasurementsConfig config, AgentLog log)
{
    private const int ImaPcr = 10;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _reported = [];
    private byte[]? _bootLogSent;
    private int _imaCursor;
    private ImaPcrState? _imaState = ImaPcrState.Initial;

    /// <summary>Call right after the quote, with the PCR values it covers (sha256 bank).</summary>
    public MeasurementAttachment Collect(IReadOnlyDictionary<int, byte[]> quotedPcrs)
    {
        lock (_lock)
        {
            var bootLog = NewBootLog();
            var (start, entries) = NewImaEntries(quotedPcrs);
            return new MeasurementAttachment(bootLog, start, entries);
        }
    }

    /// <summary>The bridge's answer may ask for the boot log again or for IMA entries from an earlier index.</summary>
    public void OnResult(ResultMessage result)
    {
        lock (_lock)
        {
            if (result.BootLogWanted == true) _bootLogSent = null;
            if (result.ImaResendFrom is { } from && from >= 0 && from != _imaCursor)
            {
                log.Info($"the bridge asks for the IMA list from entry {from} (the agent was at {_imaCursor})");
                _imaCursor = from;
                _imaState = null; // replayed again from the list at the next cycle
            }
        }
    }

    private byte[]? NewBootLog()
    {
        if (string.IsNullOrEmpty(config.BootLog)) return null;
        byte[] bytes;
        try
        {
            bytes = BoundedFile.Read(config.BootLog, EventLogLimits.Default.MaxLogBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ReportOnce("boot-log", $"cannot read the boot event log {config.BootLog}: {e.Message}");
            return null;
        }
        var digest = SHA256.HashData(bytes);
        if (_bootLogSent is not null && _bootLogSent.AsSpan().SequenceEqual(digest)) return null;
        _bootLogSent = digest;
        log.Info($"sending the boot event log ({bytes.Length} bytes)");
        return bytes;
    }

    private (int? Start, byte[]? Entries) NewImaEntries(IReadOnlyDictionary<int, byte[]> quotedPcrs)
    {
        if (string.IsNullOrEmpty(config.ImaList) || !quotedPcrs.TryGetValue(ImaPcr, out var pcr10)) return (null, null);
        IReadOnlyList<ImaEntry> list;
        try
        {
            list = ImaList.Parse(BoundedFile.Read(config.ImaList, new ImaLimits().MaxListBytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ImaFormatException)
        {
            ReportOnce("ima", $"cannot read the IMA list {config.ImaList}: {e.Message}");
            return (null, null);
        }
        if (list.Count < _imaCursor)
        {
            // The list is shorter than what was sent: the host rebooted under a running agent, or the file changed.
            log.Warn($"the IMA list has {list.Count} entries, fewer than the {_imaCursor} already sent: sending it from the start");
            _imaCursor = 0;
            _imaState = null;
        }
        _imaState ??= ImaReplay.Extend(ImaPcrState.Initial, list.Take(_imaCursor));
        var fresh = list.Skip(_imaCursor).ToList();
        var covered = ImaReplay.PrefixMatching(_imaState, fresh, "sha256", pcr10);
        if (covered is null)
        {
            // Send them all anyway: the bridge names the mismatch. The cursor stays, so they go again.
            ReportOnce("ima-replay", $"the IMA list from entry {_imaCursor} does not replay to the quoted PCR 10 ({Convert.ToHexStringLower(pcr10)})");
            return fresh.Count == 0 ? (null, null) : (_imaCursor, ImaList.WriteBinary(fresh));
        }
        if (covered == 0) return (null, null);
        var sent = fresh.Take(covered.Value).ToList();
        var start = _imaCursor;
        _imaState = ImaReplay.Extend(_imaState, sent);
        _imaCursor += sent.Count;
        return (start, ImaList.WriteBinary(sent));
    }

    private void ReportOnce(string what, string message)
    {
        if (_reported.Add(what)) log.Warn(message);
    }
}
