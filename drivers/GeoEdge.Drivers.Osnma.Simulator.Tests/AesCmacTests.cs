namespace GeoEdge.Drivers.Osnma.Simulator.Tests;

public sealed class AesCmacTests
{
    private const string Message =
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

    [Theory] // RFC 4493 section 4, examples 1-4 (AES-128)
    [InlineData(0, "bb1d6929e95937287fa37d129b756746")]
    [InlineData(16, "070a16b46b4d4144f79bdd9dd04a287c")]
    [InlineData(40, "dfa66747de9ae63030ca32611497c827")]
    [InlineData(64, "51f0bebf7e3b9d92fc49741779363cfe")]
    public void Rfc4493_examples(int length, string mac) =>
        Assert.Equal(mac, Convert.ToHexStringLower(AesCmac.Compute(Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c"), Convert.FromHexString(Message)[..length])));

    [Theory] // NIST SP 800-38B appendix D: AES-192 and AES-256 (OSNMA allows 192/256-bit TESLA keys with CMAC)
    [InlineData("8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", 40, "8a1de5be2eb31aad089a82e6ee908b0e")]
    [InlineData("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", 0, "028962f61b7bf89efc6b551f4667d983")]
    [InlineData("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", 64, "e1992190549f6ed5696a2c056c315410")]
    public void Sp800_38b_examples(string key, int length, string mac) =>
        Assert.Equal(mac, Convert.ToHexStringLower(AesCmac.Compute(Convert.FromHexString(key), Convert.FromHexString(Message)[..length])));

    [Fact]
    public void Keys_that_are_not_aes_keys_are_rejected() =>
        Assert.Throws<ArgumentException>(() => AesCmac.Compute(new byte[12], []));
}
