using System.Buffers.Binary;

namespace GeoEdge.Drivers.Osnma.Engine;

/// <summary>
/// Collects the OSNMA field of the 15 pages of one satellite's subframe (HKROOT 15 x 8 bits, MACK 15 x 32 bits)
/// together with the trusted-time upper bound at which each page was processed. A subframe is usable only when
/// all 15 pages arrived; a partial one is dropped when the next subframe starts.
/// </summary>
internal sealed class SubframeAssembler
{
    public const int PagesPerSubframe = 15;
    private const int AllPages = (1 << PagesPerSubframe) - 1;

    public long Subframe { get; private set; } = -1;
    public byte[] Hkroot { get; } = new byte[PagesPerSubframe];
    public byte[] Mack { get; } = new byte[PagesPerSubframe * 4];
    public long?[] TrustedUpper { get; } = new long?[PagesPerSubframe];
    private int _received;

    public bool IsComplete => _received == AllPages;
    public bool HasPages => _received != 0;

    public void Start(long subframe)
    {
        Subframe = subframe;
        _received = 0;
        Array.Clear(TrustedUpper);
    }

    /// <summary>Adds page <paramref name="index"/> (0..14); a repeated page is ignored. Returns true when this page completed the subframe.</summary>
    public bool Add(int index, byte hkroot, uint mack, long? trustedUpper)
    {
        var bit = 1 << index;
        if ((_received & bit) != 0) return false;
        Hkroot[index] = hkroot;
        BinaryPrimitives.WriteUInt32BigEndian(Mack.AsSpan(index * 4, 4), mack);
        TrustedUpper[index] = trustedUpper;
        _received |= bit;
        return IsComplete;
    }
}
