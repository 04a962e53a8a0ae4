using System.Buffers.Binary;

namespace GeoEdge.Drivers.Gnss.Ubx;

/// <summary>
/// One Galileo I/NAV nominal page (even + odd half, 240 bits) as u-blox delivers it in UBX-RXM-SFRBX:
/// words 0-3 hold the even half (120 bits, then 8 pad bits), words 4-7 the odd half. <see cref="PageBytes"/>
/// is the 240-bit page MSB first (bit 0 = even/odd bit of the even half, bit 120 = that of the odd half),
/// the layout the OSNMA test vectors use.
/// </summary>
public sealed class GalileoInavPage
{
    public const int PageBits = 240;
    public const int PageByteLength = PageBits / 8;
    public const byte GalileoGnssId = 2;
    private const int HalfPageBytes = 15;
    private const int WordsPerHalf = 4;
    private const string Name = "UBX-RXM-SFRBX (Galileo I/NAV)";

    private readonly byte[] _page;

    private GalileoInavPage(byte[] page) => _page = page;

    public ReadOnlySpan<byte> PageBytes => _page;

    /// <summary>The 40 OSNMA bits (HKROOT 8 + MACK 32), page bits 138..177, as 5 bytes MSB first.</summary>
    public byte[] OsnmaBits()
    {
        var osnma = new byte[5];
        var value = MsbBits.Read(_page, 138, 40);
        for (var i = 0; i < 5; i++) osnma[i] = (byte)(value >> (8 * (4 - i)));
        return osnma;
    }

    /// <summary>The CRC field carried in the page, bits 202..225.</summary>
    public uint TransmittedCrc => (uint)MsbBits.Read(_page, 202, 24);

    /// <summary>CRC-24Q over bits 0..113 (even half minus tail) and 120..201 (odd half up to the CRC).</summary>
    public uint ComputedCrc => Crc24Q.Append(Crc24Q.Append(0, _page, 0, 114), _page, 120, 82);

    public bool CrcIsValid => ComputedCrc == TransmittedCrc;

    /// <summary>
    /// The even/odd bits say which half is which: 0 on the even half (sent first), 1 on the odd.
    /// A receiver that hands over the halves swapped or misaligned fails this.
    /// </summary>
    public bool HalvesInOrder => MsbBits.Get(_page, 0) == 0 && MsbBits.Get(_page, 120) == 1;

    /// <summary>Page type bits of both halves: 0 nominal, 1 alert.</summary>
    public bool IsAlert => MsbBits.Get(_page, 1) == 1 || MsbBits.Get(_page, 121) == 1;

    /// <summary>The I/NAV word type (bits 2..7): 1-4 ephemeris, 5 ionosphere/BGD/health, 6 GST-UTC, 63 dummy.</summary>
    public int WordType => (int)MsbBits.Read(_page, 2, 6);

    /// <summary>
    /// This page with its CRC field set to the CRC of its contents. For simulators that alter
    /// navigation data and need the result to look like a genuine broadcast.
    /// </summary>
    public GalileoInavPage WithRecomputedCrc()
    {
        var page = _page.ToArray();
        var crc = ComputedCrc;
        for (var i = 0; i < 24; i++) MsbBits.Set(page, 202 + i, (int)(crc >> (23 - i)) & 1);
        return new GalileoInavPage(page);
    }

    public static GalileoInavPage FromPageBytes(ReadOnlySpan<byte> page)
    {
        if (page.Length != PageByteLength)
            throw new ArgumentException($"A Galileo I/NAV page is {PageByteLength} bytes, got {page.Length}.", nameof(page));
        return new GalileoInavPage(page.ToArray());
    }

    public static GalileoInavPage FromSfrbx(UbxRxmSfrbx sfrbx)
    {
        if (sfrbx.GnssId != GalileoGnssId)
            throw new UbxFormatException(Name, "gnssId", $"{sfrbx.GnssId} is not Galileo ({GalileoGnssId})");
        if (sfrbx.Words.Length != 2 * WordsPerHalf)
            throw new UbxFormatException(Name, "numWords", $"I/NAV pages have {2 * WordsPerHalf} words, got {sfrbx.Words.Length}");
        var page = new byte[PageByteLength];
        Span<byte> half = stackalloc byte[4 * WordsPerHalf];
        for (var h = 0; h < 2; h++)
        {
            for (var w = 0; w < WordsPerHalf; w++)
                BinaryPrimitives.WriteUInt32BigEndian(half[(4 * w)..], sfrbx.Words[h * WordsPerHalf + w]);
            half[..HalfPageBytes].CopyTo(page.AsSpan(h * HalfPageBytes));
        }
        return new GalileoInavPage(page);
    }

    /// <summary>The eight SFRBX words for this page (pad bits zero), e.g. for a simulated receiver.</summary>
    public UbxRxmSfrbx ToSfrbx(byte svId, byte sigId, byte chn = 0)
    {
        var words = new uint[2 * WordsPerHalf];
        Span<byte> half = stackalloc byte[4 * WordsPerHalf];
        for (var h = 0; h < 2; h++)
        {
            half.Clear();
            _page.AsSpan(h * HalfPageBytes, HalfPageBytes).CopyTo(half);
            for (var w = 0; w < WordsPerHalf; w++)
                words[h * WordsPerHalf + w] = BinaryPrimitives.ReadUInt32BigEndian(half[(4 * w)..]);
        }
        return new UbxRxmSfrbx(GalileoGnssId, svId, sigId, 0, chn, 2, words);
    }
}
