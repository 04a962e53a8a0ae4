namespace GeoEdge.Drivers.Tpm.Tests;

/// <summary>Bad bytes handed to the driver are refused with a typed error and leave nothing loaded.</summary>
public sealed class MalformedInputTests(SwtpmFixture tpm) : IClassFixture<SwtpmFixture>
{
    [Fact]
    public void Template_with_trailing_bytes_is_refused()
    {
        using var device = tpm.Open();
        byte[] template = [.. TpmTemplates.StorageEccP256.Span, 0x00];

        var error = Assert.Throws<TpmFormatException>(() => device.CreatePrimary(TpmHierarchy.Owner, template));
        Assert.Contains("trailing", error.Message);
    }

    [Fact]
    public void Truncated_template_is_refused_by_the_unmarshaller()
    {
        using var device = tpm.Open();
        var template = TpmTemplates.StorageEccP256.Span[..20].ToArray();

        var error = Assert.Throws<TpmException>(() => device.CreatePrimary(TpmHierarchy.Owner, template));
        Assert.Equal("MU", error.Layer);
    }

    [Fact]
    public void Template_the_tpm_rejects_flushes_nothing_and_leaks_nothing()
    {
        using (var device = tpm.Open())
        {
            // A storage key with sign also set is inconsistent (restricted decrypt + sign): TPM_RC_ATTRIBUTES.
            var template = TpmTemplates.StorageEccP256.ToArray();
            template[7] |= 0x04; // objectAttributes byte 2 (big-endian, bits 16-23): set bit 18, sign
            var error = Assert.Throws<TpmException>(() => device.CreatePrimary(TpmHierarchy.Owner, template));
            Assert.Equal("TPM", error.Layer);
        }
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Loading_a_private_area_under_the_wrong_parent_fails_integrity_and_leaks_nothing()
    {
        using (var device = tpm.Open())
        {
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            var created = device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span);
            using var otherParent = device.CreatePrimary(TpmHierarchy.Null, TpmTemplates.StorageEccP256.Span);

            var error = Assert.Throws<TpmException>(() => device.Load(otherParent, created));
            Assert.Equal("TPM", error.Layer);
            Assert.Equal(TpmResponseCodes.Integrity, error.TpmBaseCode);
        }
        tpm.AssertNothingLoaded();
    }

    [Fact]
    public void Qualifying_data_longer_than_a_tpm2b_data_is_refused()
    {
        using var device = tpm.Open();
        using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
        using var ak = device.Load(srk, device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span));

        Assert.Throws<ArgumentException>(() => device.Quote(ak, new byte[65], TpmAlgorithm.Sha256, [0]));
    }

    [Fact]
    public void Key_from_another_device_or_already_flushed_is_refused()
    {
        using var device = tpm.Open();
        using var other = tpm.Open();
        var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);

        Assert.Throws<ArgumentException>(() => other.Create(srk, TpmTemplates.AttestationKeyEccP256.Span));
        srk.Close();
        Assert.Throws<ObjectDisposedException>(() => device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span));
    }

    [Fact]
    public void Disposing_the_device_flushes_keys_the_caller_forgot()
    {
        using (var device = tpm.Open())
        {
            device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            device.CreatePrimary(TpmHierarchy.Endorsement, TpmTemplates.EkEccP256.Span);
            Assert.Equal(2, device.GetTransientHandles().Count);
        }
        tpm.AssertNothingLoaded();
    }
}
