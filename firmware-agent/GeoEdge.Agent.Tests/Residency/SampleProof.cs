using GeoEdge.Wire.Messages;

namespace GeoEdge.Agent.Tests.Residency;

/// <summary>A proof with placeholder quote bytes, for tests of storing and serving (the HIL test checks real quotes).</summary>
public static class SampleProof
{
    public static ResidencyProof For(ulong seq, string hostId = "edge-test") => new()
    {
        HostId = hostId,
        Seq = seq,
        Ear = $"eyJhbGciOiJFUzI1NiJ9.e30.sig{seq}",
        EarSha256 = new string('a', 64),
        QuoteAttest = [0xff, 0x54, 0x43, 0x47],
        QuoteSignature = [0x00, 0x18],
        PcrBank = "sha256",
        Pcrs = new Dictionary<int, byte[]> { [0] = new byte[32] },
        AkName = "000b" + new string('b', 64),
        AkPublic = [0x00, 0x01],
        CountersignedAt = DateTimeOffset.UnixEpoch.AddSeconds(seq),
    };
}
