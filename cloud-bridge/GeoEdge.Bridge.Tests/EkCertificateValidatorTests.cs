using GeoEdge.Bridge.Registrar;
using GeoEdge.Hil.Rig.Composition;

namespace GeoEdge.Bridge.Tests;

public sealed class EkCertificateValidatorTests : IDisposable
{
    private static string ShippedStore => Path.Combine(RepoPaths.Root, "cloud-bridge", "GeoEdge.Bridge", "ek-ca");

    private readonly string _caDirectory = Directory.CreateTempSubdirectory("geoedge-ek-ca-").FullName;

    public void Dispose() => Directory.Delete(_caDirectory, recursive: true);

    [Fact]
    public void The_shipped_manufacturer_store_loads_with_many_anchors()
    {
        var skipped = new List<string>();
        var validator = new EkCertificateValidator([ShippedStore], skipped.Add);

        // Infineon, STMicro, Nuvoton, Intel, AMD, ... each ship several roots.
        Assert.True(validator.AnchorCount >= 20, $"only {validator.AnchorCount} anchors; skipped: {string.Join("; ", skipped)}");
        Assert.True(validator.IntermediateCount > 0);
    }

    [Fact]
    public void A_certificate_from_a_CA_outside_the_store_is_refused_naming_its_issuer()
    {
        var validator = new EkCertificateValidator([ShippedStore]);
        using var rogue = TestCertificates.CreateRoot("Rogue TPM Vendor Root");

        var problem = validator.Validate(TestCertificates.CreateEkLeaf(rogue), DateTimeOffset.UtcNow);

        Assert.NotNull(problem);
        Assert.Contains("CN=Rogue TPM Vendor Root", problem, StringComparison.Ordinal);
        Assert.Contains("does not chain to a trusted EK CA", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_issued_by_a_root_in_a_configured_directory_is_accepted()
    {
        using var root = TestCertificates.CreateRoot("Local Test TPM Root");
        TestCertificates.WritePem(root, Path.Combine(_caDirectory, "root.pem"));
        var validator = new EkCertificateValidator([_caDirectory]);

        Assert.Equal(1, validator.AnchorCount);
        Assert.Null(validator.Validate(TestCertificates.CreateEkLeaf(root), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_certificate_issued_through_an_intermediate_in_the_store_is_accepted()
    {
        using var root = TestCertificates.CreateRoot("Local Test TPM Root");
        using var intermediate = TestCertificates.CreateIntermediate(root, "Local Test TPM Issuing CA");
        TestCertificates.WritePem(root, Path.Combine(_caDirectory, "root.pem"));
        Directory.CreateDirectory(Path.Combine(_caDirectory, "issuing"));
        File.WriteAllBytes(Path.Combine(_caDirectory, "issuing", "intermediate.der"), intermediate.RawData);
        var validator = new EkCertificateValidator([_caDirectory]);

        Assert.Equal((1, 1), (validator.AnchorCount, validator.IntermediateCount));
        Assert.Null(validator.Validate(TestCertificates.CreateEkLeaf(intermediate), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void An_intermediate_without_its_root_is_not_a_trust_anchor()
    {
        using var root = TestCertificates.CreateRoot("Local Test TPM Root");
        using var intermediate = TestCertificates.CreateIntermediate(root, "Local Test TPM Issuing CA");
        TestCertificates.WritePem(intermediate, Path.Combine(_caDirectory, "intermediate.pem"));
        var validator = new EkCertificateValidator([_caDirectory]);

        var problem = validator.Validate(TestCertificates.CreateEkLeaf(intermediate), DateTimeOffset.UtcNow);

        Assert.NotNull(problem);
        Assert.Contains("CN=Local Test TPM Issuing CA", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_certificate_is_refused_even_from_a_trusted_root()
    {
        using var root = TestCertificates.CreateRoot("Local Test TPM Root");
        TestCertificates.WritePem(root, Path.Combine(_caDirectory, "root.pem"));
        var validator = new EkCertificateValidator([_caDirectory]);
        var expired = TestCertificates.CreateEkLeaf(root, DateTimeOffset.UtcNow.AddMonths(-11), DateTimeOffset.UtcNow.AddMonths(-1));

        var problem = validator.Validate(expired, DateTimeOffset.UtcNow);

        Assert.NotNull(problem);
        Assert.Contains("NotTimeValid", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x30, 0x82, 0x01 })]
    [InlineData(new byte[] { 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01 })]
    public void Garbage_instead_of_DER_is_refused_with_a_clear_message(byte[] garbage)
    {
        var validator = new EkCertificateValidator([ShippedStore]);

        var problem = validator.Validate(garbage, DateTimeOffset.UtcNow);

        Assert.NotNull(problem);
        Assert.StartsWith("the EK certificate is not a DER X.509 certificate", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_CA_directory_is_a_configuration_error_naming_it()
    {
        var missing = Path.Combine(_caDirectory, "no-such-dir");

        var e = Assert.Throws<InvalidOperationException>(() => new EkCertificateValidator([missing]));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_in_the_store_is_skipped_and_reported()
    {
        using var root = TestCertificates.CreateRoot("Local Test TPM Root");
        TestCertificates.WritePem(root, Path.Combine(_caDirectory, "root.pem"));
        File.WriteAllBytes(Path.Combine(_caDirectory, "broken.cer"), [0x30, 0x03, 0x01, 0x02]);
        var skipped = new List<string>();

        var validator = new EkCertificateValidator([_caDirectory], skipped.Add);

        Assert.Equal(1, validator.AnchorCount);
        Assert.Contains(skipped, s => s.Contains("broken.cer", StringComparison.Ordinal));
    }
}
