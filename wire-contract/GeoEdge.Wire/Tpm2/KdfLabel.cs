using System.Text;

namespace GeoEdge.Wire.Tpm2;

/// <summary>
/// The TPM's KDF labels are strings whose terminating NUL is part of the input (Part 1, 11.4.10:
/// "If Label is a string, then the terminating NUL is included"), so "STORAGE" feeds 8 bytes.
/// </summary>
internal static class KdfLabel
{
    public static byte[] Encode(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.Length > 0 && label[^1] == '\0') return Encoding.ASCII.GetBytes(label);
        var bytes = new byte[Encoding.ASCII.GetByteCount(label) + 1];
        Encoding.ASCII.GetBytes(label, bytes);
        return bytes;
    }

    /// <summary>Leaves only the leftmost <paramref name="bits"/> bits: the KDFs truncate, and a partial byte keeps its low bits.</summary>
    public static byte[] Truncate(byte[] output, int bits)
    {
        var bytes = (bits + 7) / 8;
        if (output.Length != bytes) Array.Resize(ref output, bytes);
        if (bits % 8 != 0) output[0] &= (byte)(0xff >> (8 - bits % 8));
        return output;
    }
}
