using System.Text;

namespace GeoEdge.MeasuredBoot;

/// <summary>
/// A parsed TCG PC Client event log (binary_bios_measurements). Parsing only checks structure; what the
/// events mean is for <see cref="PcrReplay"/>, the decoders and the appraisal.
/// </summary>
public sealed class TcgEventLog
{
    private static readonly byte[] StartupLocalitySignature = Encoding.ASCII.GetBytes("StartupLocality\0");

    public EventLogFormat Format { get; }

    /// <summary>The banks every event carries a digest for (just SHA-1 in a SHA1-format log).</summary>
    public IReadOnlyList<TpmHashAlgorithm> Banks { get; }

    /// <summary>The Spec ID header of a crypto-agile log.</summary>
    public SpecIdEvent? SpecId { get; }

    /// <summary>The locality the TPM was started from, from an EV_NO_ACTION StartupLocality event; it is PCR 0's initial value.</summary>
    public byte? StartupLocality { get; }

    /// <summary>Every event including the header, in log order.</summary>
    public IReadOnlyList<TcgEvent> Events { get; }

    /// <summary>The log's length in bytes.</summary>
    public int Length { get; }

    private TcgEventLog(EventLogFormat format, IReadOnlyList<TpmHashAlgorithm> banks, SpecIdEvent? specId, byte? startupLocality, IReadOnlyList<TcgEvent> events, int length)
    {
        Format = format;
        Banks = banks;
        SpecId = specId;
        StartupLocality = startupLocality;
        Events = events;
        Length = length;
    }

    public static TcgEventLog Parse(ReadOnlySpan<byte> bytes, EventLogLimits? limits = null)
    {
        limits ??= EventLogLimits.Default;
        if (bytes.IsEmpty) throw new EventLogException("the event log is empty", 0);
        if (bytes.Length > limits.MaxLogBytes)
            throw new EventLogException($"the event log is {bytes.Length} bytes, more than the limit of {limits.MaxLogBytes}", 0);

        var reader = new LogReader(bytes);
        var events = new List<TcgEvent>();
        var first = ReadSha1Event(ref reader, 0, limits);
        events.Add(first);

        SpecIdEvent? specId = null;
        if (first.Type == EventType.NoAction && SpecIdEvent.IsSpecId03(first.Data))
            specId = SpecIdEvent.Parse(first.Data, first.Offset + 32);
        var format = specId is null ? EventLogFormat.Sha1 : EventLogFormat.CryptoAgile;

        while (!reader.AtEnd)
        {
            if (events.Count >= limits.MaxEvents)
                throw new EventLogException($"the event log has more than {limits.MaxEvents} events", reader.Position, events.Count);
            events.Add(specId is null
                ? ReadSha1Event(ref reader, events.Count, limits)
                : ReadAgileEvent(ref reader, events.Count, specId, limits));
        }

        var banks = specId is null
            ? [TpmHashAlgorithm.Sha1]
            : specId.Algorithms.Where(a => TpmHashAlgorithms.IsKnown(a.AlgorithmId)).Select(a => (TpmHashAlgorithm)a.AlgorithmId).ToList();
        return new TcgEventLog(format, banks, specId, FindStartupLocality(events), events, bytes.Length);
    }

    private static TcgEvent ReadSha1Event(ref LogReader reader, int index, EventLogLimits limits)
    {
        reader.EventIndex = index;
        var offset = reader.Position;
        var rawPcr = reader.U32("pcrIndex");
        var type = reader.U32("eventType");
        var digest = reader.Take(20, "the SHA-1 digest").ToArray();
        var data = ReadData(ref reader, limits);
        var pcr = CheckPcrIndex(rawPcr, type, offset, index);
        return new TcgEvent(index, pcr, type, new Dictionary<TpmHashAlgorithm, byte[]> { [TpmHashAlgorithm.Sha1] = digest }, data, offset);
    }

    private static TcgEvent ReadAgileEvent(ref LogReader reader, int index, SpecIdEvent specId, EventLogLimits limits)
    {
        reader.EventIndex = index;
        var offset = reader.Position;
        var pcr = CheckPcrIndex(reader.U32("pcrIndex"), reader.U32("eventType"), offset, index, out var type);
        var count = reader.U32("the digest count");
        if (count > specId.Algorithms.Count)
            throw new EventLogException($"the event has {count} digests but the log declares {specId.Algorithms.Count} banks", offset, index);
        var digests = new Dictionary<TpmHashAlgorithm, byte[]>();
        var seen = new HashSet<ushort>();
        for (var i = 0; i < count; i++)
        {
            var id = reader.U16("the digest's algorithm id");
            var declared = specId.Algorithms.FirstOrDefault(a => a.AlgorithmId == id);
            if (declared.DigestSize == 0)
                throw new EventLogException($"the event has a digest for algorithm 0x{id:x4}, which the Spec ID header does not declare", offset, index);
            if (!seen.Add(id))
                throw new EventLogException($"the event has two digests for algorithm 0x{id:x4}", offset, index);
            var digest = reader.Take(declared.DigestSize, $"the 0x{id:x4} digest").ToArray();
            if (TpmHashAlgorithms.IsKnown(id)) digests[(TpmHashAlgorithm)id] = digest;
        }
        var data = ReadData(ref reader, limits);
        return new TcgEvent(index, pcr, type, digests, data, offset);
    }

    private static int CheckPcrIndex(uint pcr, uint type, long offset, int index, out uint typeOut)
    {
        typeOut = type;
        return CheckPcrIndex(pcr, type, offset, index);
    }

    /// <summary>
    /// PC Client TPMs have 24 PCRs; anything else is corruption, not a measurement. The one exception is
    /// Windows, which records informational EV_NO_ACTION events (its AIK info) under PCR 0xFFFFFFFF: those
    /// are never extended, and they get index -1.
    /// </summary>
    private static int CheckPcrIndex(uint pcr, uint type, long offset, int index)
    {
        if (pcr <= 23) return (int)pcr;
        if (pcr == uint.MaxValue && type == EventType.NoAction) return -1;
        throw new EventLogException($"PCR index {pcr} of a {EventType.Name(type)} event is out of range (0-23)", offset, index);
    }

    private static byte[] ReadData(ref LogReader reader, EventLogLimits limits)
    {
        var position = reader.Position;
        var size = reader.U32("eventSize");
        // Truncation first: a size beyond the end of the log says the log is cut (or not a log at all).
        if (size > reader.Remaining)
            throw new EventLogException($"truncated: the event data needs {size} bytes but {reader.Remaining} remain", reader.Position, reader.EventIndex);
        if (size > limits.MaxEventDataBytes)
            throw new EventLogException($"event data of {size} bytes exceeds the limit of {limits.MaxEventDataBytes}", position, reader.EventIndex);
        return reader.Take((int)size, "the event data").ToArray();
    }

    private static byte? FindStartupLocality(IEnumerable<TcgEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Type == EventType.NoAction && e.Pcr == 0 && e.Data.Length == StartupLocalitySignature.Length + 1
                && e.Data.AsSpan().StartsWith(StartupLocalitySignature))
                return e.Data[^1];
        }
        return null;
    }
}
