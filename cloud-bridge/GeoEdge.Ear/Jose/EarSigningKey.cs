using System.Security.Cryptography;

namespace GeoEdge.Ear;

/// <summary>
/// The bridge's ECDSA P-256 key for signing EARs, kept in a PKCS#8 PEM file readable only by its
/// owner (0600). <see cref="Kid"/> is the RFC 7638 thumbprint of the public key, so relying parties
/// can pick the key out of a JWK Set without any registry of names. Thread-safe; dispose to clear the key.
/// </summary>
public sealed class EarSigningKey : IDisposable
{
    public const int MaxPemBytes = 16 * 1024;

    private readonly ECDsa _key;
    private readonly object _lock = new();

    public EcPublicJwk PublicKey { get; }
    public string Kid => PublicKey.Kid;

    private EarSigningKey(ECDsa key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw new EarKeyException($"EAR signing keys must be on P-256 (OID 1.2.840.10045.3.1.7), this one is on {parameters.Curve.Oid?.FriendlyName ?? parameters.Curve.Oid?.Value ?? "an explicit curve"}");
        }
        _key = key;
        PublicKey = EcPublicJwk.FromParameters(parameters);
    }

    public static EarSigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a key from PEM text ("PRIVATE KEY" PKCS#8 or "EC PRIVATE KEY" SEC1, unencrypted).</summary>
    public static EarSigningKey FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new EarKeyException($"not an unencrypted EC private key in PEM form: {e.Message}", e);
        }
        return new EarSigningKey(key);
    }

    /// <exception cref="EarKeyException">the file is missing, too large, unreadable, or not a P-256 private key.</exception>
    public static EarSigningKey Load(string pemPath)
    {
        string pem;
        try
        {
            var info = new FileInfo(pemPath);
            if (info.Exists && info.Length > MaxPemBytes) throw new EarKeyException($"{pemPath}: {info.Length} bytes is too large for a P-256 key PEM");
            pem = File.ReadAllText(pemPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EarKeyException($"{pemPath}: cannot read the EAR signing key: {e.Message}", e);
        }
        try
        {
            return FromPem(pem);
        }
        catch (EarKeyException e)
        {
            throw new EarKeyException($"{pemPath}: {e.Message}", e);
        }
    }

    /// <summary>Loads the key, or generates one and saves it with mode 0600 if the file does not exist yet.</summary>
    public static EarSigningKey LoadOrCreate(string pemPath)
    {
        if (File.Exists(pemPath)) return Load(pemPath);
        var key = Generate();
        try
        {
            key.Save(pemPath);
            return key;
        }
        catch (EarKeyException) when (File.Exists(pemPath))
        {
            // Another process created it between our check and our write: theirs wins, use it.
            key.Dispose();
            return Load(pemPath);
        }
    }

    /// <summary>Writes the private key as PKCS#8 PEM to a new file with mode 0600; never overwrites.</summary>
    public void Save(string pemPath)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        // The mode is set by open(2) itself, so the key is never readable by others, not even for an instant.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(pemPath, options);
            using var writer = new StreamWriter(stream);
            writer.Write(ExportPkcs8Pem());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EarKeyException($"{pemPath}: cannot create the EAR signing key file: {e.Message}", e);
        }
    }

    public string ExportPkcs8Pem()
    {
        lock (_lock) return _key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>ES256 signature in JWS form (R || S, 64 bytes) over <paramref name="data"/>.</summary>
    public byte[] SignEs256(ReadOnlySpan<byte> data)
    {
        lock (_lock) return _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public void Dispose()
    {
        lock (_lock) _key.Dispose();
    }
}
