using System.Text.Json;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

/// <summary>
/// The go-attestation capture of a Windows GCP Shielded VM (shared/testdata, used as it is): an AK
/// public, its creation data / certification / signature, a quote with its signature and the PCRs.
/// Located from the repository root (the directory holding GeoEdge.sln), then ../shared/testdata.
/// </summary>
internal sealed class GcpShieldedVmAttestation
{
    public byte[] AkPublic { get; }
    public byte[] CreateData { get; }
    public byte[] CreateAttestation { get; }
    public byte[] CreateSignature { get; }
    public byte[] Quote { get; }
    public byte[] QuoteSignature { get; }

    /// <summary>PCR values by (bank, index). Go's crypto.Hash numbering: 3 is SHA-1, 5 is SHA-256.</summary>
    public IReadOnlyDictionary<(TpmAlgId Bank, int Index), byte[]> Pcrs { get; }

    public static GcpShieldedVmAttestation Load() => Cached.Value;

    private static readonly Lazy<GcpShieldedVmAttestation> Cached = new(() => new GcpShieldedVmAttestation(
        Path.Combine(RepositoryRoot(), "..", "shared", "testdata", "tpm", "eventlogs", "go-attestation", "windows_gcp_shielded_vm.json")));

    private GcpShieldedVmAttestation(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        var ak = root.GetProperty("AK");
        AkPublic = ak.GetProperty("Public").GetBytesFromBase64();
        CreateData = ak.GetProperty("CreateData").GetBytesFromBase64();
        CreateAttestation = ak.GetProperty("CreateAttestation").GetBytesFromBase64();
        CreateSignature = ak.GetProperty("CreateSignature").GetBytesFromBase64();
        var quote = root.GetProperty("Quote");
        Quote = quote.GetProperty("Quote").GetBytesFromBase64();
        QuoteSignature = quote.GetProperty("Signature").GetBytesFromBase64();

        var pcrs = new Dictionary<(TpmAlgId, int), byte[]>();
        foreach (var pcr in root.GetProperty("Log").GetProperty("PCRs").EnumerateArray())
        {
            var bank = pcr.GetProperty("DigestAlg").GetInt32() switch
            {
                3 => TpmAlgId.Sha1,
                5 => TpmAlgId.Sha256,
                var other => throw new InvalidDataException($"unexpected Go crypto.Hash {other} in {path}"),
            };
            pcrs.Add((bank, pcr.GetProperty("Index").GetInt32()), pcr.GetProperty("Digest").GetBytesFromBase64());
        }
        Pcrs = pcrs;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GeoEdge.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no GeoEdge.sln above {AppContext.BaseDirectory}");
    }
}
