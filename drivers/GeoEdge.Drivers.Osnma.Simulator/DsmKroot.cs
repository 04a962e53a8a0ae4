namespace GeoEdge.Drivers.Osnma.Simulator;

/// <summary>The fields of one DSM-KROOT (OSNMA SIS ICD 1.1 Figure 7): which key signs, which chain, and its root key.</summary>
public sealed record DsmKrootContent(
    int PublicKeyId,
    int ChainId,
    OsnmaHashFunction Hash,
    OsnmaMacFunction Mac,
    int KeyBits,
    int TagBits,
    int MacLookupTable,
    int WeekNumber,
    int TowHours,
    ulong Alpha,
    ReadOnlyMemory<byte> Kroot);

/// <summary>
/// DSM-KROOT encoder: NB_DK 4 | PKID 4 | CIDKR 2 | reserved 2 | HF 2 | MF 2 | KS 4 | TS 4 | MACLT 8 | reserved 4 |
/// WN_K 12 | TOWH_K 8 | alpha 48 | KROOT | DS | P_DK. The signature covers M = NMA header || the bytes from CIDKR
/// through KROOT; P_DK = the first bytes of HF(M || DS). Both were checked against the real DSM-KROOTs of the test
/// vectors. Reserved bits are written as zero as ICD 1.1 says (the test-phase vectors carry 01 in the first reserved
/// field, the former NMACK).
/// </summary>
public static class DsmKroot
{
    /// <summary>Fixed part before KROOT: 13 bytes (104 bits).</summary>
    public const int FixedBytes = 13;

    /// <summary>L_DK in blocks (ICD Table 7): 104 x ceil(1 + (lk + lds) / 104) bits.</summary>
    public static int BlockCount(int keyBits, OsnmaPublicKeyType signerType)
    {
        var bits = 104 + keyBits + OsnmaPublicKeyTypes.SignatureBytes(signerType) * 8;
        return (bits + 103) / 104;
    }

    public static byte[] Encode(DsmKrootContent content, NmaHeader header, OsnmaKeyPair signer)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(signer);
        if (content.PublicKeyId != signer.PublicKeyId)
            throw new ArgumentException($"DSM-KROOT names PKID {content.PublicKeyId} but key {signer.PublicKeyId} signs it", nameof(signer));
        var keyBytes = content.KeyBits / 8;
        if (content.Kroot.Length != keyBytes) throw new ArgumentException($"KROOT must be {keyBytes} bytes", nameof(content));
        var blocks = BlockCount(content.KeyBits, signer.Type);
        var total = blocks * OsnmaFieldSizes.DsmBlockBytes;
        var dsm = new byte[total];
        new MsbBitWriter(dsm)
            .Write((ulong)(blocks - 6), 4)
            .Write((ulong)content.PublicKeyId, 4)
            .Write((ulong)content.ChainId, 2)
            .Write(0, 2)
            .Write((ulong)content.Hash, 2)
            .Write((ulong)content.Mac, 2)
            .Write((ulong)OsnmaFieldSizes.KeySizeCode(content.KeyBits), 4)
            .Write((ulong)OsnmaFieldSizes.TagSizeCode(content.TagBits), 4)
            .Write((ulong)content.MacLookupTable, 8)
            .Write(0, 4)
            .Write((ulong)content.WeekNumber & 0xFFF, 12)
            .Write((ulong)content.TowHours, 8)
            .Write(content.Alpha, 48)
            .WriteBytes(content.Kroot.Span);

        var message = SignedMessage(header.ToByte(), dsm, content.KeyBits);
        var signature = signer.Sign(message);
        signature.CopyTo(dsm, FixedBytes + keyBytes);

        var padStart = FixedBytes + keyBytes + signature.Length;
        var padding = OsnmaHash.Compute(content.Hash, [.. message, .. signature]);
        padding.AsSpan(0, total - padStart).CopyTo(dsm.AsSpan(padStart));
        return dsm;
    }

    /// <summary>M = NMA header || DSM-KROOT bytes 1 .. 13 + lk/8 - 1 (everything from CIDKR through KROOT).</summary>
    public static byte[] SignedMessage(byte nmaHeader, ReadOnlySpan<byte> dsmKroot, int keyBits)
    {
        var end = FixedBytes + keyBits / 8;
        if (dsmKroot.Length < end) throw new ArgumentException("DSM-KROOT shorter than its KROOT field", nameof(dsmKroot));
        var message = new byte[end];
        message[0] = nmaHeader;
        dsmKroot[1..end].CopyTo(message.AsSpan(1));
        return message;
    }
}
