using GeoEdge.Hil.Rig.Tpm;

namespace GeoEdge.Drivers.Tpm.Tests;

/// <summary>The AK the agent enrolls lives at a persistent handle and must survive a reboot.</summary>
public sealed class PersistenceAcrossRestartTests(SwtpmFixture tpm) : IClassFixture<SwtpmFixture>
{
    private const uint AkHandle = 0x81010002;

    [Fact]
    public async Task Persisted_ak_is_there_after_a_reboot()
    {
        byte[] akPublic;
        using (var device = tpm.Open())
        {
            device.EvictPersistent(AkHandle);
            using var srk = device.CreatePrimary(TpmHierarchy.Owner, TpmTemplates.StorageEccP256.Span);
            using var ak = device.Load(srk, device.Create(srk, TpmTemplates.AttestationKeyEccP256.Span));
            device.Persist(ak, AkHandle);
            akPublic = ak.Public.ToArray();
        }
        tpm.AssertNothingLoaded();

        await tpm.Rig.RestartAsync();

        using (var device = tpm.Open())
        {
            using var reopened = device.OpenPersistent(AkHandle);
            Assert.NotNull(reopened);
            Assert.Equal(akPublic, reopened.Public.ToArray());
            Assert.Equal((uint?)AkHandle, reopened.PersistentHandle);
            Assert.Contains(AkHandle, device.GetPersistentHandles());

            // The reopened AK still signs.
            var quote = device.Quote(reopened, [9], TpmAlgorithm.Sha256, [0]);
            Assert.True(Parsing.EcdsaSignature.Verify(akPublic, quote.Attest.Span, quote.Signature.Span));
        }

        using (var device = tpm.Open())
        {
            Assert.True(device.EvictPersistent(AkHandle));
            Assert.Null(device.OpenPersistent(AkHandle));
            Assert.False(device.EvictPersistent(AkHandle));
        }
        tpm.AssertNothingLoaded();
    }

    [Theory]
    [InlineData(SwtpmRestart.OrderlyReboot)]
    [InlineData(SwtpmRestart.SavedStateRestart)]
    [InlineData(SwtpmRestart.PowerLoss)]
    public async Task Restart_kinds_move_the_counters_the_bridge_checks_for_freshness(SwtpmRestart kind)
    {
        TpmClock before;
        using (var device = tpm.Open()) before = device.ReadClockInfo();

        await tpm.Rig.RestartAsync(kind);

        TpmClock after;
        using (var device = tpm.Open()) after = device.ReadClockInfo();
        switch (kind)
        {
            case SwtpmRestart.SavedStateRestart:
                Assert.Equal(before.ResetCount, after.ResetCount);
                Assert.Equal(before.RestartCount + 1, after.RestartCount);
                break;
            default:
                Assert.Equal(before.ResetCount + 1, after.ResetCount);
                Assert.Equal(0u, after.RestartCount);
                break;
        }
        if (kind == SwtpmRestart.PowerLoss)
            // Without TPM2_Shutdown the clock restarts from its last NV save: it may be behind, and then is not safe.
            Assert.True(after.Clock >= before.Clock || !after.Safe, $"clock went back {before.Clock} -> {after.Clock} and still claims safe");
        else
        {
            // (Safe is not asserted: once a power loss cleared it, it stays NO until the TPM next saves Clock.)
            Assert.True(after.Clock >= before.Clock, $"clock went back {before.Clock} -> {after.Clock} after an orderly shutdown");
        }
        Assert.True(after.Time < before.Time + 60_000, "Time counts from the last power-on");
    }

    [Fact]
    public void Persistent_handle_outside_the_persistent_range_is_refused_before_reaching_the_tpm()
    {
        using var device = tpm.Open();
        Assert.Throws<ArgumentOutOfRangeException>(() => device.OpenPersistent(0x80000001));
    }
}
