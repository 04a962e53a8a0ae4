using System.Text;

namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>The boot policy format: what it accepts, what it refuses (naming the field), and its round trip.</summary>
public sealed class BootPolicyTests
{
    [Fact]
    public void Every_member_parses_and_survives_a_round_trip()
    {
        var json = """
        {
          "secureBoot": "required",
          "scrtm": ["sha256:96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"],
          "platformFirmware": ["sha1:0123456789abcdef0123456789abcdef01234567"],
          "bootApplications": ["SHA256:0F87DFD530645C0E0197B89938F0659C943E5ECEFFEC74F09FEFA135F4EE76E6"],
          "pk": ["sha256:7f122fab825041c2b0c67696bb151db6f39fed7df2d1104107f5b892b354ef5c"],
          "kek": [], "db": ["0x076f1fea90ac29155ebf77c17682f75f1fdd1be196da302dc8461e350a9ae330"],
          "dbxMustContain": ["5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456"],
          "kernelCmdline": ["\\S+ root=\\S+ ro( quiet)?"],
          "pcrs": { "sha256": { "0": ["00000000000000000000000000000000000000000000000000000000000000ff"] } }
        }
        """;
        var policy = BootPolicy.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(SecureBootRequirement.Required, policy.SecureBoot);
        Assert.Equal("sha256:0f87dfd530645c0e0197b89938f0659c943e5eceffec74f09fefa135f4ee76e6", policy.BootApplications![0].ToString());
        Assert.Equal(TpmHashAlgorithm.Sha1, policy.PlatformFirmware![0].Algorithm);
        Assert.Empty(policy.Kek!);
        Assert.Equal("076f1fea90ac29155ebf77c17682f75f1fdd1be196da302dc8461e350a9ae330", policy.Db![0]);
        Assert.Equal(0xff, policy.Pcrs![TpmHashAlgorithm.Sha256][0][0][^1]);

        var again = BootPolicy.Parse(policy.ToJson());
        Assert.Equal(policy.ToJson(), again.ToJson());
        Assert.Equal(policy.KernelCmdline, again.KernelCmdline);
    }

    [Fact]
    public void Absent_members_are_null_and_not_checked()
    {
        var policy = BootPolicy.Parse("{}"u8);
        Assert.Null(policy.SecureBoot);
        Assert.Null(policy.Db);
        Assert.Empty(BootAppraiser.Appraise(LogFiles.Parse("eventlogs/tpm2-tools/event-arch-linux.bin"), TpmHashAlgorithm.Sha256, policy));
    }

    [Theory]
    [InlineData("""{"secureBoot": "sometimes"}""", "secureBoot")]
    [InlineData("""{"secureBoot": true}""", "secureBoot")]
    [InlineData("""{"scrtm": ["sha256:abcd"]}""", "scrtm[0]")]
    [InlineData("""{"scrtm": ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"]}""", "scrtm[0]")]
    [InlineData("""{"bootApplications": ["md5:00"]}""", "bootApplications[0]")]
    [InlineData("""{"platformFirmware": "sha256:00"}""", "platformFirmware")]
    [InlineData("""{"db": ["xyz"]}""", "db[0]")]
    [InlineData("""{"kek": [1]}""", "kek[0]")]
    [InlineData("""{"dbxMustContain": ["00"]}""", "dbxMustContain[0]")]
    [InlineData("""{"kernelCmdline": ["(unclosed"]}""", "kernelCmdline[0]")]
    [InlineData("""{"pcrs": {"sha256": {"24": []}}}""", "pcrs.sha256.24")]
    [InlineData("""{"pcrs": {"sha256": {"7": ["00"]}}}""", "pcrs.sha256.7[0]")]
    [InlineData("""{"pcrs": {"md5": {}}}""", "pcrs.md5")]
    [InlineData("""{"secureboot": "required"}""", "secureboot")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{"scrtm": [""", "$")]
    public void Malformed_policies_are_refused_naming_the_field(string json, string field)
    {
        var e = Assert.Throws<BootPolicyException>(() => BootPolicy.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(field, e.Field);
        Assert.Contains($"'{field}'", e.Message);
    }
}
