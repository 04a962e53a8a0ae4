using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GeoEdge.Ima;

/// <summary>
/// Finds a public key in bytes that may be a certificate, a public key or even a private key, in DER or PEM, as
/// Keylime accepts for key files and for keys loaded onto a keyring (ima-buf entries).
/// </summary>
internal static class ImaKeyMaterial
{
    /// <summary>The key in the bytes; null when they hold none. Throws ImaKeyException for a key of an unsupported type.</summary>
    public static ImaPublicKey? TryRead(byte[] data)
    {
        if (data.Length == 0) return null;
        if (data[0] == 0x30) return TryDer(data);
        var text = Encoding.ASCII.GetString(data);
        return text.Contains("-----BEGIN ", StringComparison.Ordinal) ? FromPem(text).FirstOrDefault() : null;
    }

    public static List<ImaPublicKey> FromPem(string pem)
    {
        var keys = new List<ImaPublicKey>();
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            var der = new byte[fields.DecodedDataLength];
            if (Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written) && written == der.Length)
            {
                var key = FromLabelled(label, der);
                if (key is not null) keys.Add(key);
            }
            else throw new ImaKeyException($"the {label} block is not valid base64");
            rest = rest[fields.Location.End.GetOffset(rest.Length)..];
        }
        return keys;
    }

    private static ImaPublicKey? FromLabelled(string label, byte[] der)
    {
        try
        {
            switch (label)
            {
                case "CERTIFICATE":
                    using (var certificate = X509CertificateLoader.LoadCertificate(der)) return ImaPublicKey.FromCertificate(certificate);
                case "PUBLIC KEY":
                    return ImaPublicKey.FromSubjectPublicKeyInfo(der) ?? throw new ImaKeyException("the PUBLIC KEY is neither RSA nor EC");
                case "RSA PUBLIC KEY":
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportRSAPublicKey(der, out _);
                        return ImaPublicKey.FromRsa(rsa);
                    }
                case "RSA PRIVATE KEY":
                    using (var rsa = RSA.Create())
                    {
                        rsa.ImportRSAPrivateKey(der, out _);
                        return ImaPublicKey.FromRsa(rsa);
                    }
                case "EC PRIVATE KEY":
                    using (var ec = ECDsa.Create())
                    {
                        ec.ImportECPrivateKey(der, out _);
                        return ImaPublicKey.FromEc(ec);
                    }
                case "PRIVATE KEY":
                    return FromPkcs8(der) ?? throw new ImaKeyException("the PRIVATE KEY is neither RSA nor EC");
                default:
                    return null; // EC PARAMETERS and anything else that is not a key
            }
        }
        catch (CryptographicException e)
        {
            throw new ImaKeyException($"the {label} block cannot be read: {e.Message}", e);
        }
    }

    private static ImaPublicKey? TryDer(byte[] der)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            return ImaPublicKey.FromCertificate(certificate);
        }
        catch (CryptographicException)
        {
        }
        return ImaPublicKey.FromSubjectPublicKeyInfo(der) ?? FromPkcs8(der);
    }

    private static ImaPublicKey? FromPkcs8(byte[] der)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(der, out _);
            return ImaPublicKey.FromRsa(rsa);
        }
        catch (CryptographicException)
        {
        }
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportPkcs8PrivateKey(der, out _);
            return ImaPublicKey.FromEc(ec);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
