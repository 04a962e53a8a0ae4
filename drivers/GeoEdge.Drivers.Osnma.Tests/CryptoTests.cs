using System.Security.Cryptography;
using GeoEdge.Drivers.Osnma.Bits;
using GeoEdge.Drivers.Osnma.Crypto;
using GeoEdge.Drivers.Osnma.Messages;

namespace GeoEdge.Drivers.Osnma.Tests;

/// <summary>The primitives on their own: CMAC-AES against RFC 4493, SEC1 point decompression, bit access, the MAC look-up table.</summary>
public sealed class CryptoTests
{
    private static readonly byte[] RfcKey = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
    private const string RfcMessage = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

    [Theory]
    [InlineData(0, "bb1d6929e95937287fa37d129b756746")]
    [InlineData(16, "070a16b46b4d4144f79bdd9dd04a287c")]
    [InlineData(40, "dfa66747de9ae63030ca32611497c827")]
    [InlineData(64, "51f0bebf7e3b9d92fc49741779363cfe")]
    public void Cmac_matches_RFC_4493_examples(int length, string expected)
    {
        var message = Convert.FromHexString(RfcMessage)[..length];
        Assert.Equal(expected, Convert.ToHexStringLower(AesCmac.Compute(RfcKey, message)));
    }

    [Fact]
    public void Cmac_refuses_keys_AES_does_not_have()
    {
        Assert.Throws<ArgumentException>(() => AesCmac.Compute(new byte[12], [1]));
        Assert.Equal(16, AesCmac.Compute(new byte[32], [1]).Length);
    }

    [Theory]
    [InlineData(OsnmaKeyType.EcdsaP256)]
    [InlineData(OsnmaKeyType.EcdsaP521)]
    public void Compressed_points_decompress_to_the_key(OsnmaKeyType type)
    {
        var curve = type == OsnmaKeyType.EcdsaP256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP521;
        for (var i = 0; i < 20; i++)
        {
            using var key = ECDsa.Create(curve);
            var expected = key.ExportParameters(false).Q;
            var decompressed = EcPointDecompressor.Decompress(type, TestPki.Compress(key)).Q;
            Assert.Equal(expected.X, decompressed.X);
            Assert.Equal(expected.Y, decompressed.Y);
        }
    }

    [Fact]
    public void The_official_public_keys_decompress_and_verify_a_signature_made_on_them()
    {
        var point = Convert.FromHexString("0374A925CFA0FF1805E5C5A58FDBA31BF0145D5B5BE2F062D3F8BB2EE98F0F6DB0");
        using var key = OsnmaSignature.Import(OsnmaKeyType.EcdsaP256, point);
        Assert.Equal(point[1..], key.ExportParameters(false).Q.X);
    }

    [Fact]
    public void Points_off_the_curve_or_badly_encoded_are_refused()
    {
        // About half of all X values have no point on the curve: among X = 1..20 some must be refused, the others must import.
        var refused = 0;
        for (var x = 1; x <= 20; x++)
        {
            var encoded = new byte[33];
            encoded[0] = 0x02;
            encoded[32] = (byte)x;
            try
            {
                using var key = OsnmaSignature.Import(OsnmaKeyType.EcdsaP256, encoded);
            }
            catch (CryptographicException)
            {
                refused++;
            }
        }
        Assert.InRange(refused, 1, 19);
        Assert.Throws<CryptographicException>(() => EcPointDecompressor.Decompress(OsnmaKeyType.EcdsaP256, new byte[33])); // prefix 0
        Assert.Throws<CryptographicException>(() => EcPointDecompressor.Decompress(OsnmaKeyType.EcdsaP521, new byte[33]));
        var tooBig = Enumerable.Repeat((byte)0xFF, 33).ToArray();
        tooBig[0] = 0x03;
        Assert.Throws<CryptographicException>(() => EcPointDecompressor.Decompress(OsnmaKeyType.EcdsaP256, tooBig));
    }

    [Fact]
    public void Bits_read_and_write_msb_first()
    {
        var data = new byte[] { 0b1010_0000, 0xFF, 0x01 };
        Assert.Equal(0b101UL, OsnmaBits.Read(data, 0, 3));
        Assert.Equal(0xFFUL, OsnmaBits.Read(data, 7, 9));
        var target = new byte[3];
        OsnmaBits.Copy(data, 7, target, 3, 9);
        Assert.Equal(0xFFUL, OsnmaBits.Read(target, 3, 9));
        OsnmaBits.Write(target, 0, 3, 0b110);
        Assert.Equal(0b110UL, OsnmaBits.Read(target, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => OsnmaBits.Read(data, 20, 8));
    }

    [Fact]
    public void The_MAC_look_up_table_sequence_follows_the_half_minute()
    {
        var even = MacLookupTable.Sequence(34, 1258 * 604_800L + 60);
        var odd = MacLookupTable.Sequence(34, 1258 * 604_800L + 90);
        Assert.Equal(6, MacLookupTable.TagCount(34));
        Assert.Equal(new MacSlot(4, MacSlotObject.Self), even[2]);
        Assert.Equal(new MacSlot(0, MacSlotObject.Cross), odd[2]);
        Assert.True(even[1].IsFlex && odd[1].IsFlex);
        Assert.False(MacLookupTable.IsDefined(30));
    }
}
