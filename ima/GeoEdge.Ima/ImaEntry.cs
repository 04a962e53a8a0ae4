using System.Security.Cryptography;

namespace GeoEdge.Ima;

/// <summary>
/// One entry of an IMA measurement list. <see cref="TemplateData"/> is exactly what the kernel hashes into
/// <see cref="TemplateHash"/> and into the PCR banks: for ima-ng, ima-sig and ima-buf the length-prefixed fields as
/// the binary list carries them; for the old "ima" template the 20-byte digest and the name zero-padded to 256 bytes
/// (the binary list writes that template differently, see <see cref="ImaList.WriteBinary"/>).
/// </summary>
/// <param name="Index">Position in the whole measurement list, from 0.</param>
/// <param name="Signature">The ima-sig signature field as recorded (header included); null when the field is empty.</param>
/// <param name="Buffer">The ima-buf buffer (for example a key certificate); null for other templates.</param>
public sealed record ImaEntry(int Index, int Pcr, byte[] TemplateHash, string TemplateName, byte[] TemplateData,
    ImaDigest FileDigest, string Path, byte[]? Signature, byte[]? Buffer)
{
    /// <summary>
    /// A measurement the kernel could not make cleanly (file opened for write while measured, time-of-measure /
    /// time-of-use): it records an all-zero template hash and extends all-ones into the PCR banks.
    /// </summary>
    public bool IsViolation => !TemplateHash.AsSpan().ContainsAnyExcept((byte)0);

    /// <summary>
    /// Builds an entry the way the kernel would measure it: template data from the fields, SHA-1 template hash over it.
    /// </summary>
    public static ImaEntry Build(int index, string templateName, ImaDigest fileDigest, string path,
        byte[]? signature = null, byte[]? buffer = null, int pcr = ImaReplay.ImaPcr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        byte[] data;
        try
        {
            data = ImaTemplate.Encode(templateName, fileDigest, path, signature, buffer);
        }
        catch (ImaFormatException e)
        {
            throw new ArgumentException(e.Problem, nameof(templateName), e);
        }
        return new ImaEntry(index, pcr, SHA1.HashData(data), templateName, data, fileDigest, path,
            signature is { Length: > 0 } ? signature : null, templateName == ImaTemplate.ImaBuf ? buffer ?? [] : null);
    }

    /// <summary>The same measurement as a kernel violation (all-zero template hash).</summary>
    public ImaEntry AsViolation() => this with { TemplateHash = new byte[TemplateHash.Length] };

    public override string ToString() => $"#{Index} pcr {Pcr} {TemplateName} {FileDigest} {Path}{(IsViolation ? " (violation)" : "")}";
}
