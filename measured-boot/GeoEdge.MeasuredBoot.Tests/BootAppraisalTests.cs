namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Appraisal against Keylime's example reference state and against policies built from real logs.</summary>
public sealed class BootAppraisalTests
{
    private static BootPolicy KeylimeExample() =>
        KeylimeReferenceState.Import(File.ReadAllBytes(TestData.Tpm("eventlogs/keylime/example_reference_state.json")));

    [Fact]
    public void Keylime_example_reference_state_imports_every_member_it_can_express()
    {
        var policy = KeylimeExample();

        Assert.Equal(SecureBootRequirement.Required, policy.SecureBoot);
        Assert.Equal(["sha256:96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"], policy.Scrtm!.Select(d => d.ToString()));
        Assert.Equal(2, policy.PlatformFirmware!.Count);
        Assert.Equal(["sha256:0f87dfd530645c0e0197b89938f0659c943e5eceffec74f09fefa135f4ee76e6", "sha256:412ce775fe05b194ce64441443aa721ad8b7dedb8e4f5e40481633d596d5b842",
            "sha256:8d25a4704a6dd7087ba00f1efc0ef34c75214963973c21c06aff1de0437dbf81"], policy.BootApplications!.Select(d => d.ToString()));
        Assert.Equal((1, 2, 2, 1), (policy.Pk!.Count, policy.Kek!.Count, policy.Db!.Count, policy.DbxMustContain!.Count));
        // Keylime's dbx entry is the SHA-256 of nothing; as a fingerprint it is the hash of those 32 bytes.
        Assert.Equal(Convert.ToHexStringLower(TpmHashAlgorithm.Sha256.Hash(Convert.FromHexString("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))), policy.DbxMustContain[0]);
        Assert.StartsWith("/boot/vmlinuz-5.4.0-81-generic root=UUID=68a3fb48", Assert.Single(policy.KernelCmdline!));
    }

    [Fact]
    public void Keylime_mb_log_does_not_match_the_example_reference_state()
    {
        // The example describes an Ubuntu OVMF guest; mb_log is a CentOS Stream 9 guest under Red Hat's OVMF keys.
        // Only its S-CRTM and its dbx (it holds the one required entry) agree.
        var findings = BootAppraiser.Appraise(LogFiles.Parse("eventlogs/keylime/mb_log.b64"), TpmHashAlgorithm.Sha256, KeylimeExample());

        Assert.Equal(
        [
            (BootFindingCodes.UnapprovedSecureBootKey, 5), (BootFindingCodes.UnapprovedSecureBootKey, 6),
            (BootFindingCodes.UnapprovedFirmware, 2), (BootFindingCodes.UnapprovedFirmware, 3),
            (BootFindingCodes.UnapprovedBootApplication, 25), (BootFindingCodes.UnapprovedBootApplication, 28),
            (BootFindingCodes.UnapprovedBootApplication, 95), (BootFindingCodes.UnapprovedBootApplication, 96),
            (BootFindingCodes.UnapprovedKernelCmdline, 97),
        ], findings.Select(f => (f.Code, f.EventIndex!.Value)));
        Assert.Contains("event 5 (EV_EFI_VARIABLE_DRIVER_CONFIG, PCR 7): PK holds x509 E=secalert@redhat.com, CN=Red Hat Secure Boot (PK/KEK key 1)", findings[0].Detail);
        Assert.Contains("sha256:1f077bd8f1d9e09bd6c0b8f711705f55231b64ee53a74c59a170aba2f3aafc32 is not approved (approved: sha256:46274f08", findings[2].Detail);
        Assert.Contains("vmlinuz-5.14.0-183.el9.x86_64 root=/dev/mapper/cs-root", findings[8].Detail);
        Assert.All(findings, f => Assert.NotNull(f.Pcr));
    }

    [Fact]
    public void Keylime_secureboot_log_does_not_match_the_example_reference_state()
    {
        var findings = BootAppraiser.Appraise(LogFiles.Parse("eventlogs/keylime/binary_bios_measurements-secureboot"), TpmHashAlgorithm.Sha256, KeylimeExample());

        Assert.Equal(
        [
            (BootFindingCodes.UnapprovedSecureBootKey, 5), (BootFindingCodes.UnapprovedSecureBootKey, 6), (BootFindingCodes.UnapprovedSecureBootKey, 6),
            (BootFindingCodes.UnapprovedSecureBootKey, 7), (BootFindingCodes.UnapprovedSecureBootKey, 7), (BootFindingCodes.DbxOutdated, 8),
            (BootFindingCodes.UnapprovedScrtm, 1), (BootFindingCodes.UnapprovedFirmware, 2), (BootFindingCodes.UnapprovedFirmware, 3),
            (BootFindingCodes.UnapprovedBootApplication, 29), (BootFindingCodes.UnapprovedBootApplication, 35), (BootFindingCodes.UnapprovedBootApplication, 93),
            (BootFindingCodes.UnapprovedKernelCmdline, 94),
        ], findings.Select(f => (f.Code, f.EventIndex!.Value)));
        Assert.Contains("CN=Microsoft Corporation KEK 2K CA 2023", findings[2].Detail);
        Assert.Contains("lacks 1 of the 1", findings[5].Detail);
    }

    [Theory]
    [MemberData(nameof(LogFiles.All), MemberType = typeof(LogFiles))]
    public void A_policy_built_from_a_log_passes_that_log_in_every_bank(string relative)
    {
        var log = LogFiles.Parse(relative);
        foreach (var bank in log.Banks)
        {
            var policy = BootPolicy.Parse(BootPolicy.FromLog(log, bank).ToJson());
            var findings = BootAppraiser.Appraise(log, bank, policy);
            // arch-linux's systemd-boot command line does not hash to its digest: that is the one thing its own policy cannot vouch for.
            var expected = relative.Contains("arch-linux", StringComparison.Ordinal) ? [(BootFindingCodes.EventDataMismatch, (int?)24)] : Array.Empty<(string, int?)>();
            Assert.Equal(expected, findings.Select(f => (f.Code, f.EventIndex)));
        }
    }

    [Fact]
    public void A_single_changed_boot_application_digest_is_named()
    {
        const string relative = "eventlogs/keylime/mb_log.b64";
        var bytes = LogFiles.Bytes(relative);
        var policy = BootPolicy.FromLog(TcgEventLog.Parse(bytes), TpmHashAlgorithm.Sha256);
        var tampered = TcgEventLog.Parse(LogEditing.WithFlippedDigest(bytes, 28, TpmHashAlgorithm.Sha256));

        var findings = BootAppraiser.Appraise(tampered, TpmHashAlgorithm.Sha256, policy);

        var lastPcr4 = tampered.Events.Last(e => e.Pcr == 4).Index;
        Assert.Equal([(BootFindingCodes.UnapprovedBootApplication, (int?)28, (int?)4), (BootFindingCodes.PcrNotGolden, lastPcr4, 4)],
            findings.Select(f => (f.Code, f.EventIndex, f.Pcr)));
        Assert.StartsWith("event 28 (EV_EFI_BOOT_SERVICES_APPLICATION, PCR 4): boot application digest sha256:", findings[0].Detail);
        Assert.Contains("PCR 4 (sha256) replays to", findings[1].Detail);
    }

    [Fact]
    public void Secure_boot_disabled_or_forged_is_reported_when_required()
    {
        var required = new BootPolicy { SecureBoot = SecureBootRequirement.Required };
        var disabled = BootAppraiser.Appraise(LogFiles.Parse("eventlogs/go-eventlog/ubuntu-2104-no-secure-boot.bin"), TpmHashAlgorithm.Sha256, required);
        var finding = Assert.Single(disabled);
        Assert.Equal(BootFindingCodes.SecureBootDisabled, finding.Code);
        Assert.Contains("SecureBoot is 00", finding.Detail);
        Assert.Empty(BootAppraiser.Appraise(LogFiles.Parse("eventlogs/go-eventlog/ubuntu-2104-no-secure-boot.bin"), TpmHashAlgorithm.Sha256, required with { SecureBoot = SecureBootRequirement.Optional }));

        const string relative = "eventlogs/keylime/mb_log.b64";
        var index = SecureBoot.Read(LogFiles.Parse(relative), TpmHashAlgorithm.Sha256).VariableEvents["SecureBoot"];
        var forged = TcgEventLog.Parse(LogEditing.WithEventData(LogFiles.Bytes(relative), index, data => data[^1] = 0));
        var findings = BootAppraiser.Appraise(forged, TpmHashAlgorithm.Sha256, required);
        Assert.Equal([(BootFindingCodes.EventDataMismatch, (int?)index), (BootFindingCodes.SecureBootUnknown, index)], findings.Select(f => (f.Code, f.EventIndex)));
    }

    [Fact]
    public void Kernel_command_line_patterns_match_the_whole_line()
    {
        var log = LogFiles.Parse("eventlogs/tpm2-tools/event-sd-boot-fedora37.bin");
        Assert.Empty(BootAppraiser.Appraise(log, TpmHashAlgorithm.Sha256, new BootPolicy { KernelCmdline = ["console=ttyS0 console=tty0 efi=debug"] }));
        var partial = BootAppraiser.Appraise(log, TpmHashAlgorithm.Sha256, new BootPolicy { KernelCmdline = ["console=ttyS0"] });
        Assert.Equal([23, 24], partial.Select(f => f.EventIndex!.Value));
        Assert.All(partial, f => Assert.Equal(BootFindingCodes.UnapprovedKernelCmdline, f.Code));
        var none = BootAppraiser.Appraise(LogFiles.Parse("eventlogs/go-attestation/sb_cert_eventlog"), TpmHashAlgorithm.Sha256, new BootPolicy { KernelCmdline = [".*"] });
        Assert.Contains("no kernel command line", Assert.Single(none).Detail);
    }

    [Fact]
    public void Keylime_reference_state_errors_name_the_keylime_field()
    {
        Assert.Equal("kernels[0].shim_authcode_sha256", Assert.Throws<BootPolicyException>(() => KeylimeReferenceState.Import("""{"kernels": [{"shim_authcode_sha256": "0x00"}]}"""u8)).Field);
        Assert.Equal("kernels[0].kernel_cmdline", Assert.Throws<BootPolicyException>(() => KeylimeReferenceState.Import("""{"kernels": [{}]}"""u8)).Field);
        Assert.Equal("pk[0].SignatureData", Assert.Throws<BootPolicyException>(() => KeylimeReferenceState.Import("""{"pk": [{"SignatureOwner": "x"}]}"""u8)).Field);
        Assert.Equal("scrtm_and_bios[0].scrtm.sha256", Assert.Throws<BootPolicyException>(() => KeylimeReferenceState.Import("""{"scrtm_and_bios": [{"scrtm": {"sha256": "0x12"}, "platform_firmware": []}]}"""u8)).Field);
        Assert.Equal("allowlist", Assert.Throws<BootPolicyException>(() => KeylimeReferenceState.Import("""{"allowlist": []}"""u8)).Field);
    }
}
