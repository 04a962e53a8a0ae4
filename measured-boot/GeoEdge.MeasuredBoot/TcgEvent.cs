namespace GeoEdge.MeasuredBoot;

/// <summary>
/// One event of a TCG event log, as recorded: the PCR it extended, its type, one digest per bank,
/// and its data. <see cref="Index"/> counts from 0 at the log's first event (the Spec ID header of a
/// crypto-agile log), like tpm2_eventlog's EventNum; <see cref="Offset"/> is its byte offset.
/// </summary>
public sealed record TcgEvent(int Index, int Pcr, uint Type, IReadOnlyDictionary<TpmHashAlgorithm, byte[]> Digests, byte[] Data, long Offset)
{
    public string TypeName => EventType.Name(Type);

    /// <summary>EV_NO_ACTION events are informational and never extended into a PCR.</summary>
    public bool IsExtended => Type != EventType.NoAction;

    public override string ToString() => $"event {Index} ({TypeName}, PCR {Pcr})";
}
