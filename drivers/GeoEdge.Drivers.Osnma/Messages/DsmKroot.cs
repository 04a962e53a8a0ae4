using GeoEdge.Drivers.Osnma.Crypto;

namespace GeoEdge.Drivers.Osnma.Messages;

/// <summary>
/// A DSM-KROOT (ICD 1.1 section 3.2.3): NB_DK 4, PKID 4, CIDKR 2, reserved 2, HF 2, MF 2, KS 4, TS 4, MACLT 8,
/// reserved 4, WN_K 12, TOWH_K 8, alpha 48 (13 bytes), then KROOT (KS bits), the ECDSA signature DS and padding
/// P_DK to the block boundary. Parsing only checks the structure; <see cref="DsmKrootVerifier"/> checks the crypto.
/// </summary>
internal sealed class DsmKroot
{
    public const int FixedBytes = 13;
    private static readonly int[] KeyBitsTable = [96, 104, 112, 120, 128, 160, 192, 224, 256];

    private DsmKroot(byte[] bytes) => Bytes = bytes;

    /// <summary>The whole DSM (all blocks).</summary>
    public byte[] Bytes { get; }
    public int BlockCount => Bytes.Length / DsmBlocks.BlockBytes;
    public int Pkid => Bytes[0] & 0xF;
    public int ChainId => Bytes[1] >> 6;
    public OsnmaHashFunction Hash => (OsnmaHashFunction)((Bytes[1] >> 2) & 3);
    public OsnmaMacFunction Mac => (OsnmaMacFunction)(Bytes[1] & 3);
    public int KeyBits => KeyBitsTable[Bytes[2] >> 4];
    public int KeyBytes => KeyBits / 8;
    public int TagBits => (Bytes[2] & 0xF) switch { 5 => 20, 6 => 24, 7 => 28, 8 => 32, _ => 40 };
    public int MacLt => Bytes[3];
    public int WeekNumber => ((Bytes[4] & 0xF) << 8) | Bytes[5];
    public int TowHours => Bytes[6];
    public ReadOnlySpan<byte> Alpha => Bytes.AsSpan(7, 6);
    public ReadOnlySpan<byte> Kroot => Bytes.AsSpan(FixedBytes, KeyBytes);

    /// <summary>GST_0, the start of the chain (first key broadcast), in GST seconds; the KROOT belongs to GST_0 - 30 s.</summary>
    public long Gst0 => (long)WeekNumber * 604_800 + TowHours * 3600L;

    public static bool TryParse(ReadOnlySpan<byte> dsm, out DsmKroot? kroot, out string error)
    {
        kroot = null;
        if (dsm.Length < 7 * DsmBlocks.BlockBytes || dsm.Length % DsmBlocks.BlockBytes != 0)
        {
            error = $"a DSM-KROOT is 7 to 14 blocks of 13 bytes, got {dsm.Length} bytes";
            return false;
        }
        var blocks = DsmBlocks.Count(false, dsm[0] >> 4);
        if (blocks * DsmBlocks.BlockBytes != dsm.Length)
        {
            error = $"NB_DK {dsm[0] >> 4} means {blocks} blocks, the DSM has {dsm.Length / DsmBlocks.BlockBytes}";
            return false;
        }
        var ks = dsm[2] >> 4;
        var ts = dsm[2] & 0xF;
        var hf = (dsm[1] >> 2) & 3;
        var mf = dsm[1] & 3;
        if (ks > 8) { error = $"key size KS {ks} is reserved"; return false; }
        if (ts is < 5 or > 9) { error = $"tag size TS {ts} is reserved"; return false; }
        if (hf is not (0 or 2)) { error = $"hash function HF {hf} is reserved"; return false; }
        if (mf is not (0 or 1)) { error = $"MAC function MF {mf} is reserved"; return false; }
        if (!MacLookupTable.IsDefined(dsm[3])) { error = $"MAC look-up table {dsm[3]} is not defined"; return false; }
        var parsed = new DsmKroot(dsm.ToArray());
        if (parsed.Mac == OsnmaMacFunction.CmacAes && parsed.KeyBits is not (128 or 192 or 256))
        {
            error = $"CMAC-AES needs a 128, 192 or 256-bit key, KS gives {parsed.KeyBits}";
            return false;
        }
        if (parsed.TowHours >= 168) { error = $"TOWH_K {parsed.TowHours} is not an hour of the week"; return false; }
        kroot = parsed;
        error = "";
        return true;
    }

    /// <summary>ICD eq. for the DSM-KROOT length: l_DK = 104 * ceil(1 + (l_K + l_DS) / 104) bits.</summary>
    public bool LengthFits(OsnmaKeyType keyType)
    {
        var dsBits = OsnmaKeyTypes.SignatureBytes(keyType) * 8;
        var expectedBits = 104 * (int)Math.Ceiling(1 + (KeyBits + dsBits) / 104.0);
        return expectedBits == Bytes.Length * 8;
    }

    /// <summary>M = NMA header || the DSM-KROOT from CIDKR to KROOT (bytes 1 .. 13 + KS), the signed message.</summary>
    public byte[] SignedMessage(byte nmaHeader)
    {
        var m = new byte[FixedBytes + KeyBytes];
        m[0] = nmaHeader;
        Bytes.AsSpan(1, FixedBytes - 1 + KeyBytes).CopyTo(m.AsSpan(1));
        return m;
    }

    public ReadOnlySpan<byte> Signature(OsnmaKeyType keyType) => Bytes.AsSpan(FixedBytes + KeyBytes, OsnmaKeyTypes.SignatureBytes(keyType));

    public ReadOnlySpan<byte> Padding(OsnmaKeyType keyType) => Bytes.AsSpan(FixedBytes + KeyBytes + OsnmaKeyTypes.SignatureBytes(keyType));
}
