using System.Text.Json;
using GeoEdge.Agent.Configuration;
using GeoEdge.Agent.Logging;
using GeoEdge.Agent.State;
using GeoEdge.Drivers.Tpm;

namespace GeoEdge.Agent.Attestation;

/// <summary>
/// The agent's use of its TPM: the EK certificate and public key, a persistent restricted signing AK
/// (created once, with its creation certified at that moment), quotes, and credential activation.
/// One ESYS context, serialised by a lock: TPM commands are not concurrent anyway.
/// </summary>
public sealed class PlatformTpm : IDisposable
{
    public const uint EkCertificateRsaIndex = 0x01c00002;
    public const uint EkCertificateEccIndex = 0x01c0000a;

    private readonly TpmDevice _tpm;
    private readonly Lock _lock = new();
    private readonly uint _akHandle;
    private readonly string _recordPath;
    private readonly AgentLog _log;
    private TpmKey? _ak;

    public PlatformTpm(string tcti, uint akHandle, string stateDirectory, AgentLog log)
    {
        _tpm = TpmDevice.Open(tcti);
        _akHandle = akHandle;
        _recordPath = Path.Combine(stateDirectory, "ak.json");
        _log = log;
    }

    public AkRecord Ak { get; private set; } = null!;

    /// <summary>Opens the persistent AK, creating and certifying it when there is none (or no record of it).</summary>
    public void EnsureAk()
    {
        lock (_lock)
        {
            var record = LoadRecord();
            var existing = _tpm.OpenPersistent(_akHandle);
            if (existing is not null && record is not null && existing.Public.Span.SequenceEqual(record.Public))
            {
                _ak = existing;
                Ak = record;
                _log.Info($"using the AK at 0x{_akHandle:x8}");
                return;
            }
            if (existing is not null)
            {
                // A key we hold no creation record for cannot be enrolled (its creation ticket is gone): replace it.
                _log.Warn($"the key at 0x{_akHandle:x8} has no matching creation record; replacing it");
                existing.Dispose();
                _tpm.EvictPersistent(_akHandle);
            }
            Ak = CreateAk();
            _ak = _tpm.OpenPersistent(_akHandle) ?? throw new InvalidOperationException($"the AK persisted at 0x{_akHandle:x8} cannot be opened");
        }
    }

    private AkRecord CreateAk()
    {
        _log.Info($"creating a restricted ECC P-256 signing AK at 0x{_akHandle:x8}");
        using var storageRoot = _tpm.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
        var created = _tpm.Create(storageRoot, TpmTemplates.AttestationKeyEccP256.Span);
        using var ak = _tpm.Load(storageRoot, created);
        var certification = _tpm.CertifyCreation(ak, ak, ReadOnlySpan<byte>.Empty, created);
        _tpm.Persist(ak, _akHandle);
        var record = new AkRecord
        {
            Handle = $"0x{_akHandle:x8}",
            Public = created.Public.ToArray(),
            CreationData = created.CreationData.ToArray(),
            CreationAttest = certification.Attest.ToArray(),
            CreationSignature = certification.Signature.ToArray(),
        };
        DurableFile.Write(_recordPath, JsonSerializer.SerializeToUtf8Bytes(record, AgentJsonContext.Default.AkRecord));
        return record;
    }

    private AkRecord? LoadRecord()
    {
        if (!File.Exists(_recordPath)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(_recordPath), AgentJsonContext.Default.AkRecord);
        }
        catch (JsonException e)
        {
            _log.Warn($"AK record '{_recordPath}' is unreadable ({e.Message}); a new AK will be created");
            return null;
        }
    }

    /// <summary>The EK certificate (RSA preferred, ECC otherwise) and the matching EK public area.</summary>
    public (byte[] Certificate, byte[] EkPublic) ReadEndorsement()
    {
        lock (_lock)
        {
            var rsa = _tpm.ReadNv(EkCertificateRsaIndex);
            if (rsa is not null)
            {
                using var ek = _tpm.CreatePrimary(TpmHierarchy.Endorsement, TpmTemplates.EkRsa2048.Span);
                return (rsa, ek.Public.ToArray());
            }
            var ecc = _tpm.ReadNv(EkCertificateEccIndex)
                ?? throw new InvalidOperationException("the TPM holds no EK certificate at 0x01c00002 (RSA) or 0x01c0000a (ECC)");
            using var eccEk = _tpm.CreatePrimary(TpmHierarchy.Endorsement, TpmTemplates.EkEccP256.Span);
            return (ecc, eccEk.Public.ToArray());
        }
    }

    /// <summary>Recovers the bridge's secret: proves this TPM holds both the EK and the AK.</summary>
    public byte[] ActivateCredential(byte[] ekPublic, byte[] credentialBlob, byte[] encryptedSecret)
    {
        lock (_lock)
        {
            var template = IsRsa(ekPublic) ? TpmTemplates.EkRsa2048 : TpmTemplates.EkEccP256;
            using var ek = _tpm.CreatePrimary(TpmHierarchy.Endorsement, template.Span);
            return _tpm.ActivateCredential(RequireAk(), ek, credentialBlob, encryptedSecret);
        }
    }

    /// <summary>Reads the PCRs and quotes them with the reading's digest as qualifying data.</summary>
    public (Dictionary<int, byte[]> Pcrs, TpmAttestation Quote) Quote(ReadOnlySpan<byte> qualifyingData, IReadOnlyList<int> pcrs)
    {
        lock (_lock)
        {
            var values = _tpm.PcrRead(TpmAlgorithm.Sha256, pcrs);
            var quote = _tpm.Quote(RequireAk(), qualifyingData, TpmAlgorithm.Sha256, pcrs);
            return (new Dictionary<int, byte[]>(values), quote);
        }
    }

    private TpmKey RequireAk() => _ak ?? throw new InvalidOperationException("EnsureAk must run before the AK is used");

    private static bool IsRsa(byte[] tpm2bPublic) => tpm2bPublic.Length >= 4 && tpm2bPublic[2] == 0x00 && tpm2bPublic[3] == 0x01;

    public void Dispose()
    {
        lock (_lock)
        {
            _ak?.Dispose();
            _tpm.Dispose();
        }
    }
}
