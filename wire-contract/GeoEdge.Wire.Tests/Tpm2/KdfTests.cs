using System.Security.Cryptography;
using System.Text;
using GeoEdge.Wire.Tpm2;

namespace GeoEdge.Wire.Tests.Tpm2;

public sealed class KdfTests
{
    // The TPM reference implementation's KDFa self-test vector (KdfTestData.h): 20-byte key,
    // label "KDFSELFTESTLABEL" with its NUL, 8-byte contexts, 160 bits out, one result per hash.
    private static readonly byte[] SelfTestKey = Convert.FromHexString("271FA08BBDC5060EC3DFA928FF9B73123A12DA0C");
    private static readonly byte[] SelfTestContextU = Convert.FromHexString("CE244F395DCA7391");
    private static readonly byte[] SelfTestContextV = Convert.FromHexString("DA504031DDF12E83");

    [Theory]
    [InlineData(TpmAlgId.Sha1, "55b5a7184aa07423c47dae766c26a2377d7cf851")]
    [InlineData(TpmAlgId.Sha256, "bb0259e1c8ba607e6a2cd704b69a902e9ade84c4")]
    [InlineData(TpmAlgId.Sha384, "1dce70c9113eb2dba47bd9cfc72bf46f45b09312")]
    [InlineData(TpmAlgId.Sha512, "8be2c1b85b78569b9fa759f5857c56d684810fd3")]
    public void Kdfa_MatchesTheTpmSelfTestVector(TpmAlgId hash, string expectedHex)
    {
        var output = Kdfa.Derive(hash, SelfTestKey, "KDFSELFTESTLABEL", SelfTestContextU, SelfTestContextV, 160);

        Assert.Equal(expectedHex, Convert.ToHexString(output).ToLowerInvariant());
    }

    [Fact]
    public void Kdfa_LabelWithExplicitNulIsTheSameLabel()
    {
        Assert.Equal(
            Kdfa.Derive(TpmAlgId.Sha256, SelfTestKey, "STORAGE", SelfTestContextU, [], 128),
            Kdfa.Derive(TpmAlgId.Sha256, SelfTestKey, "STORAGE\0", SelfTestContextU, [], 128));
    }

    [Theory]
    [InlineData(TpmAlgId.Sha256, 128)]
    [InlineData(TpmAlgId.Sha256, 256)]
    [InlineData(TpmAlgId.Sha256, 800)] // several blocks, last one partial
    [InlineData(TpmAlgId.Sha1, 512)]
    [InlineData(TpmAlgId.Sha384, 1024)]
    public void Kdfa_AgreesWithDotNetsSp800108CounterKdf(TpmAlgId hash, int bits)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var u = RandomNumberGenerator.GetBytes(34);
        var v = RandomNumberGenerator.GetBytes(5);

        var ours = Kdfa.Derive(hash, key, "INTEGRITY", u, v, bits);
        var dotnet = SP800108HmacCounterKdf.DeriveBytes(key, TpmHash.Name(hash), Encoding.ASCII.GetBytes("INTEGRITY"), u.Concat(v).ToArray(), bits / 8);

        Assert.Equal(dotnet, ours);
    }

    [Fact]
    public void Kdfa_APartialByteKeepsOnlyItsLowBits()
    {
        var output = Kdfa.Derive(TpmAlgId.Sha256, SelfTestKey, "X", [], [], 12);

        Assert.Equal(2, output.Length);
        Assert.Equal(0, output[0] & 0xf0);
    }

    [Theory]
    [InlineData(TpmAlgId.Sha256, 32)]
    [InlineData(TpmAlgId.Sha256, 80)]
    [InlineData(TpmAlgId.Sha384, 48)]
    public void Kdfe_IsTheCounterPrefixedHashOfZLabelAndPartyInfo(TpmAlgId hash, int bytes)
    {
        using var alice = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var bob = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var z = alice.DeriveRawSecretAgreement(bob.PublicKey);
        var u = RandomNumberGenerator.GetBytes(32);
        var v = RandomNumberGenerator.GetBytes(32);

        var ours = Kdfe.Derive(hash, z, "IDENTITY", u, v, bytes * 8);

        // .NET's DeriveKeyFromHash computes H(prepend || Z || append): one KDFe block per counter value.
        var expected = new List<byte>();
        for (byte counter = 1; expected.Count < bytes; counter++)
            expected.AddRange(alice.DeriveKeyFromHash(bob.PublicKey, TpmHash.Name(hash), [0, 0, 0, counter], [.. "IDENTITY\0"u8, .. u, .. v]));
        Assert.Equal(expected.Take(bytes).ToArray(), ours);
    }
}
