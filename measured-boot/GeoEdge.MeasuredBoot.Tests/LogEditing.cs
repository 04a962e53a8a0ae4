namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Builds tampered copies of real logs: the same bytes with one event's data or whole events changed.</summary>
internal static class LogEditing
{
    /// <summary>The log's bytes with <paramref name="change"/> applied to event <paramref name="index"/>'s data in place (its digests unchanged).</summary>
    public static byte[] WithEventData(byte[] logBytes, int index, Action<byte[]> change)
    {
        var log = TcgEventLog.Parse(logBytes);
        var e = log.Events[index];
        var end = index + 1 < log.Events.Count ? (int)log.Events[index + 1].Offset : logBytes.Length;
        var dataStart = end - e.Data.Length;
        var edited = (byte[])logBytes.Clone();
        var data = e.Data.ToArray();
        change(data);
        Assert.Equal(e.Data.Length, data.Length);
        data.CopyTo(edited, dataStart);
        return edited;
    }

    /// <summary>The log's bytes without the given events (whole TCG_PCR_EVENT2 records cut out).</summary>
    public static byte[] WithoutEvents(byte[] logBytes, params int[] indices)
    {
        var log = TcgEventLog.Parse(logBytes);
        var kept = new List<byte>();
        for (var i = 0; i < log.Events.Count; i++)
        {
            var start = (int)log.Events[i].Offset;
            var end = i + 1 < log.Events.Count ? (int)log.Events[i + 1].Offset : logBytes.Length;
            if (!indices.Contains(i)) kept.AddRange(logBytes.AsSpan(start, end - start).ToArray());
        }
        return [.. kept];
    }

    /// <summary>The log's bytes with one digest of a crypto-agile event flipped (its data unchanged).</summary>
    public static byte[] WithFlippedDigest(byte[] logBytes, int index, TpmHashAlgorithm bank)
    {
        var log = TcgEventLog.Parse(logBytes);
        Assert.Equal(EventLogFormat.CryptoAgile, log.Format);
        var at = (int)log.Events[index].Offset + 12; // pcrIndex, eventType, digest count
        var edited = (byte[])logBytes.Clone();
        while (true)
        {
            var algorithm = (TpmHashAlgorithm)BitConverter.ToUInt16(edited, at);
            if (algorithm == bank)
            {
                edited[at + 2] ^= 0x01;
                return edited;
            }
            at += 2 + algorithm.DigestSize();
        }
    }
}
