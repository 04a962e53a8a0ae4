using GeoEdge.Drivers.Tpm;
using GeoEdge.Hil.Rig.Processes;
using GeoEdge.Hil.Rig.Tpm;
using GeoEdge.Wire;
using GeoEdge.Wire.Messages;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Tests;

/// <summary>
/// A software TPM with two attestation keys made the way the agent makes its AK (restricted ECC
/// P-256 signing key under an ECC storage primary), producing attested readings exactly as the
/// agent's cycle does: SHA-256 of the canonical reading as qualifying data of a sha256 PCR quote.
/// Shared by the tests of a class (swtpm_setup takes a few seconds).
/// </summary>
public sealed class TpmQuoteSource : IAsyncLifetime
{
    public static readonly int[] AgentPcrs = [0, 1, 2, 3, 4, 5, 6, 7, 10];

    private RigDirectory? _directory;
    private SwtpmRig? _swtpm;
    private TpmDevice? _tpm;
    private TpmKey? _storageRoot;

    public TpmKey Ak { get; private set; } = null!;
    public TpmKey OtherAk { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _directory = new RigDirectory("bridge-tests-tpm");
        _swtpm = await SwtpmRig.StartAsync(_directory);
        _tpm = TpmDevice.Open(_swtpm.Tcti);
        _storageRoot = _tpm.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
        Ak = CreateAk();
        OtherAk = CreateAk();
    }

    private TpmKey CreateAk() => _tpm!.Load(_storageRoot!, _tpm.Create(_storageRoot!, TpmTemplates.AttestationKeyEccP256.Span));

    /// <summary>An attested reading of <paramref name="reading"/>, quoted by <paramref name="ak"/> (default: <see cref="Ak"/>).</summary>
    public AttestedReading Attest(Reading reading, TpmKey? ak = null, IReadOnlyList<int>? pcrs = null)
    {
        var canonical = CanonicalReading.Encode(reading);
        var selection = pcrs ?? AgentPcrs;
        var values = _tpm!.PcrRead(TpmAlgorithm.Sha256, selection);
        var quote = _tpm.Quote(ak ?? Ak, CanonicalReading.Digest(canonical), TpmAlgorithm.Sha256, selection);
        return new AttestedReading
        {
            Reading = canonical,
            QuoteAttest = quote.Attest.ToArray(),
            QuoteSignature = quote.Signature.ToArray(),
            PcrBank = "sha256",
            Pcrs = new Dictionary<int, byte[]>(values),
        };
    }

    public static byte[] Encode(AttestedReading message) => WireJson.Encode(message);

    public Task DisposeAsync()
    {
        Ak?.Dispose();
        OtherAk?.Dispose();
        _storageRoot?.Dispose();
        _tpm?.Dispose();
        _swtpm?.Dispose();
        _directory?.Dispose();
        return Task.CompletedTask;
    }
}
