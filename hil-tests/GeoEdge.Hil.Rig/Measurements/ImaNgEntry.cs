using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using GeoEdge.Ima;

namespace GeoEdge.Hil.Rig.Measurements;

/// <summary>
/// Builds ima-ng entries the way the kernel does (template data = d-ng | n-ng, each field a
/// little-endian u32 length then its bytes; d-ng = "sha256:\0" + digest, n-ng = path + "\0"), so the
/// rig can measure files into its simulated IMA list.
/// </summary>
internal static class ImaNgEntry
{
    public static ImaEntry Create(int index, string path, byte[] sha256)
    {
        var digestField = Encoding.ASCII.GetBytes("sha256:\0").Concat(sha256).ToArray();
        var nameField = Encoding.UTF8.GetBytes(path + "\0");
        var data = new byte[4 + digestField.Length + 4 + nameField.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(data, (uint)digestField.Length);
        digestField.CopyTo(data, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4 + digestField.Length), (uint)nameField.Length);
        nameField.CopyTo(data, 8 + digestField.Length);
        return new ImaEntry(index, 10, SHA1.HashData(data), "ima-ng", data, new ImaDigest("sha256", sha256), path, null, null);
    }

    /// <summary>What the kernel extends into PCR 10's SHA-256 bank for an entry (kernel 5.8 and later).</summary>
    public static byte[] Sha256BankDigest(ImaEntry entry) => SHA256.HashData(entry.TemplateData);
}
