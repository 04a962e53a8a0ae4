using System.Security.Cryptography;

namespace GeoEdge.Ima;

public static class ImaTemplateHash
{
    /// <summary>
    /// True when the recorded template hash is SHA-1 of the template data. A violation (all-zero template hash) is
    /// not a mismatch: the kernel records zeros on purpose, and <see cref="ImaEntry.IsViolation"/> says so.
    /// </summary>
    public static bool TemplateHashMatches(this ImaEntry e)
    {
        if (e.IsViolation) return true;
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(e.TemplateData, hash);
        return e.TemplateHash.AsSpan().SequenceEqual(hash);
    }
}
