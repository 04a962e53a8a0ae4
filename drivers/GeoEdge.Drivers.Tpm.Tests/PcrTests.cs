using System.Security.Cryptography;

namespace GeoEdge.Drivers.Tpm.Tests;

public sealed class PcrTests(SwtpmFixture tpm) : IClassFixture<SwtpmFixture>
{
    [Fact]
    public void Pcr_extend_gives_sha256_of_old_value_and_digest()
    {
        using var device = tpm.Open();
        var before = device.PcrRead(TpmAlgorithm.Sha256, [16])[16];
        var digest = SHA256.HashData("event"u8);

        device.PcrExtend(16, TpmAlgorithm.Sha256, digest);

        var after = device.PcrRead(TpmAlgorithm.Sha256, [16])[16];
        Assert.Equal(SHA256.HashData([.. before, .. digest]), after);
    }

    [Fact]
    public async Task Tpm2_pcrread_agrees_with_pcr_read_after_an_extend()
    {
        // The device stays open while tpm2-tools runs: the swtpm TCTI holds no connection between commands.
        using var device = tpm.Open();
        device.PcrExtend(12, TpmAlgorithm.Sha256, SHA256.HashData("tpm2-tools"u8));
        var ours = device.PcrRead(TpmAlgorithm.Sha256, [0, 12]);

        var lines = await tpm.Rig.RunTpm2ToolAsync("tpm2_pcrread", "sha256:0,12");

        // tpm2_pcrread prints "    12: 0x<hex>" lines under "sha256:".
        var theirs = lines.Select(l => l.Trim())
            .Where(l => l.Contains(": 0x"))
            .Select(l => l.Split(": 0x"))
            .ToDictionary(p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => p[1]);
        Assert.Equal(2, theirs.Count);
        Assert.Equal(Convert.ToHexString(ours[12]), theirs[12], ignoreCase: true);
        Assert.Equal(Convert.ToHexString(ours[0]), theirs[0], ignoreCase: true);
        Assert.NotEqual(new string('0', 64), theirs[12]);
    }

    [Fact]
    public void Reading_all_24_pcrs_loops_over_the_tpm_limit_of_8_per_call()
    {
        using var device = tpm.Open();

        var values = device.PcrRead(TpmAlgorithm.Sha256, Enumerable.Range(0, 24).ToArray());

        Assert.Equal(Enumerable.Range(0, 24), values.Keys.Order());
        Assert.All(values.Values, v => Assert.Equal(32, v.Length));
    }

    [Fact]
    public void Extend_with_a_digest_of_the_wrong_size_is_refused()
    {
        using var device = tpm.Open();
        Assert.Throws<ArgumentException>(() => device.PcrExtend(16, TpmAlgorithm.Sha256, new byte[20]));
        Assert.Throws<ArgumentOutOfRangeException>(() => device.PcrRead(TpmAlgorithm.Sha256, [32]));
    }

    [Fact]
    public void Reading_a_bank_the_tpm_does_not_have_fails_clearly()
    {
        // The rig activates only the sha256 bank.
        using var device = tpm.Open();
        Assert.Throws<TpmFormatException>(() => device.PcrRead(TpmAlgorithm.Sha384, [0]));
    }
}
