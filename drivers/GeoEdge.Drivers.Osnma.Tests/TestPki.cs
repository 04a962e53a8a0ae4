using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Trust;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>
/// A hand-built OSNMA PKI for what the official vectors do not show: a 16-leaf Merkle tree over our own leaves,
/// DSM-PKRs with their paths and padding, DSM-KROOTs signed with our own P-256 or P-521 keys. Built from the ICD
/// formulas independently of the receiver code (only SHA-256 and ECDsa from .NET).
/// </summary>
internal sealed class TestPki
{
    private readonly byte[][] _leaves = new byte[16][];

    public TestPki()
    {
        for (var i = 0; i < 16; i++) _leaves[i] = [0x00, (byte)i]; // filler leaves nobody uses
    }

    public static byte[] Compress(ECDsa key)
    {
        var q = key.ExportParameters(false).Q;
        return [(byte)((q.Y![^1] & 1) == 0 ? 0x02 : 0x03), .. q.X!];
    }

    public static byte[] Leaf(int npkt, int npkid, byte[] npk) => [(byte)((npkt << 4) | npkid), .. npk];

    public void SetLeaf(int index, byte[] leaf) => _leaves[index] = leaf;

    public byte[] Root => Level(4)[0];

    public OsnmaMerklePath PathOf(int index) =>
        new(index, Enumerable.Range(0, 4).Select(j => Level(j)[(index >> j) ^ 1]).ToArray());

    /// <summary>A DSM-PKR for leaf <paramref name="index"/> (NPKT 1/3 keys, or 4 with <paramref name="alertBytes"/> of message).</summary>
    public byte[] Pkr(int index, int alertBytes = 39)
    {
        var leaf = _leaves[index];
        var npkBits = (leaf.Length - 1) * 8;
        var totalBytes = 104 * (int)Math.Ceiling((1040 + npkBits) / 104.0) / 8;
        var dsm = new byte[totalBytes];
        dsm[0] = (byte)(((totalBytes / 13 - 6) << 4) | index);
        for (var j = 0; j < 4; j++) Level(j)[(index >> j) ^ 1].CopyTo(dsm, 1 + 32 * j);
        leaf.CopyTo(dsm, 129);
        var padding = SHA256.HashData([.. Root, .. leaf]);
        padding.AsSpan(0, totalBytes - 129 - leaf.Length).CopyTo(dsm.AsSpan(129 + leaf.Length));
        return dsm;
    }

    /// <summary>An alert-message leaf (NPKT 4) filling a 13-block DSM-PKR.</summary>
    public static byte[] AlertLeaf(int npkid) => Leaf(4, npkid, Enumerable.Repeat((byte)0xA5, 1352 / 8 - 130).ToArray());

    /// <summary>A DSM-KROOT signed by <paramref name="signer"/> with HMAC-SHA-256, SHA-256, 128-bit keys, 40-bit tags, MACLT 34.</summary>
    public static byte[] Kroot(ECDsa signer, OsnmaKeyType type, int pkid, int chainId, int wn, int towHours, byte nmaHeader, byte[]? kroot = null)
    {
        kroot ??= RandomNumberGenerator.GetBytes(16);
        var dsBytes = type == OsnmaKeyType.EcdsaP256 ? 64 : 132;
        var totalBits = 104 * (int)Math.Ceiling(1 + (kroot.Length * 8 + dsBytes * 8) / 104.0);
        var dsm = new byte[totalBits / 8];
        dsm[0] = (byte)(((dsm.Length / 13 - 6) << 4) | pkid);
        dsm[1] = (byte)(chainId << 6); // reserved 0, HF 0 (SHA-256), MF 0 (HMAC-SHA-256)
        dsm[2] = 0x49; // KS 4 (128 bits), TS 9 (40 bits)
        dsm[3] = 34;
        dsm[4] = (byte)((wn >> 8) & 0xF);
        dsm[5] = (byte)wn;
        dsm[6] = (byte)towHours;
        RandomNumberGenerator.Fill(dsm.AsSpan(7, 6)); // alpha
        kroot.CopyTo(dsm, 13);
        byte[] message = [nmaHeader, .. dsm.AsSpan(1, 12 + kroot.Length)];
        var hash = type == OsnmaKeyType.EcdsaP256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA512;
        var signature = signer.SignData(message, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        signature.CopyTo(dsm, 13 + kroot.Length);
        var padding = SHA256.HashData([.. message, .. signature]);
        var at = 13 + kroot.Length + dsBytes;
        padding.AsSpan(0, dsm.Length - at).CopyTo(dsm.AsSpan(at));
        return dsm;
    }

    private byte[][] Level(int j)
    {
        var nodes = _leaves.Select(l => SHA256.HashData(l)).ToArray();
        for (var level = 0; level < j; level++)
            nodes = Enumerable.Range(0, nodes.Length / 2).Select(i => SHA256.HashData([.. nodes[2 * i], .. nodes[2 * i + 1]])).ToArray();
        return nodes;
    }
}
