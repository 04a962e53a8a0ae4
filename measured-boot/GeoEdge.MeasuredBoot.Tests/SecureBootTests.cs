namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>Secure Boot state from PCR 7, checked against expected.json and go-attestation's findings.</summary>
public sealed class SecureBootTests
{
    [Theory]
    [MemberData(nameof(LogFiles.All), MemberType = typeof(LogFiles))]
    public void Enabled_matches_the_secureboot_variable_in_every_bank(string relative)
    {
        var expectedVariable = ExpectedValues.EventLog(relative).GetProperty("secureboot_var");
        bool? expected = expectedVariable.ValueKind == System.Text.Json.JsonValueKind.Null ? null : expectedVariable.GetString() == "01";
        var log = LogFiles.Parse(relative);

        foreach (var bank in log.Banks)
        {
            var state = SecureBoot.Read(log, bank);
            Assert.Equal(expected, state.Enabled);
            Assert.Empty(state.Problems);
            Assert.Empty(state.ForgedEvents);
        }
    }

    [Theory]
    [InlineData("eventlogs/go-attestation/sb_cert_eventlog", 3)]  // go-attestation TestSecureBootBug157: shim's owner-less authorities count
    [InlineData("eventlogs/go-attestation/option_rom_eventlog", 2)] // TestSecureBootOptionRom
    [InlineData(LogFiles.WindowsGcp, 1)]
    public void Authorities_after_the_separator_match_go_attestation(string relative, int count)
    {
        var log = LogFiles.Parse(relative);
        var state = SecureBoot.Read(log, log.Banks[0]);
        Assert.Equal(count, state.Authorities.Count);
        Assert.All(state.Authorities, a => Assert.NotNull(a.Subject));
        Assert.True(state.Enabled);
    }

    [Fact]
    public void Databases_are_read_with_their_certificates_and_hashes()
    {
        var state = SecureBoot.Read(LogFiles.Parse("eventlogs/keylime/binary_bios_measurements-secureboot"), TpmHashAlgorithm.Sha256);
        Assert.Equal((1, 3, 4, 371), (state.Pk.Count, state.Kek.Count, state.Db.Count, state.Dbx.Count));
        Assert.All(state.Pk.Concat(state.Kek), s => Assert.True(s.IsX509));
        Assert.Contains(state.Db, s => s.Subject?.Contains("Microsoft Windows Production PCA 2011", StringComparison.Ordinal) == true);
        Assert.Contains(state.Dbx, s => s.IsSha256 && s.Data.Length == 32);
    }

    [Fact]
    public void A_forged_secureboot_value_is_not_believed()
    {
        const string relative = "eventlogs/keylime/mb_log.b64";
        var original = LogFiles.Parse(relative);
        var secureBootEvent = SecureBoot.Read(original, TpmHashAlgorithm.Sha256).VariableEvents["SecureBoot"];

        // Someone rewrote the logged SecureBoot value to 00; the digest still says what the TPM saw (01).
        var forged = TcgEventLog.Parse(LogEditing.WithEventData(LogFiles.Bytes(relative), secureBootEvent, data => data[^1] = 0));
        var state = SecureBoot.Read(forged, TpmHashAlgorithm.Sha256);

        Assert.Null(state.Enabled);
        Assert.Equal([secureBootEvent], state.ForgedEvents);
        Assert.Contains(state.Problems, p => p.Contains($"event {secureBootEvent} ", StringComparison.Ordinal) && p.Contains("does not match", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forged_db_is_dropped_and_named()
    {
        const string relative = "eventlogs/keylime/mb_log.b64";
        var dbEvent = SecureBoot.Read(LogFiles.Parse(relative), TpmHashAlgorithm.Sha256).VariableEvents["db"];
        var forged = TcgEventLog.Parse(LogEditing.WithEventData(LogFiles.Bytes(relative), dbEvent, data => data[^5] ^= 0xff));
        var state = SecureBoot.Read(forged, TpmHashAlgorithm.Sha256);

        Assert.True(state.Enabled);
        Assert.Empty(state.Db);
        Assert.Equal(2, state.Kek.Count);
        Assert.Equal([dbEvent], state.ForgedEvents);
    }

    [Fact]
    public void A_bank_the_log_does_not_have_gives_unknown_with_a_problem()
    {
        var state = SecureBoot.Read(LogFiles.Parse("eventlogs/tpm2-tools/event-uefi-sha1-log.bin"), TpmHashAlgorithm.Sha256);
        Assert.Null(state.Enabled);
        Assert.Contains("sha256", Assert.Single(state.Problems));
    }
}
