namespace GeoEdge.MeasuredBoot.Tests;

/// <summary>
/// Real logs with random bytes changed: parsing either refuses with an <see cref="EventLogException"/> or
/// yields a log that every later stage (decoding, digest checks, Secure Boot, verification, appraisal)
/// handles without any other exception.
/// </summary>
public sealed class HostileLogTests
{
    [Theory]
    [InlineData("eventlogs/keylime/mb_log.b64", 1)]
    [InlineData("eventlogs/go-eventlog/rhel8-uefi.bin", 2)]
    [InlineData("eventlogs/go-attestation/option_rom_eventlog", 3)]
    public void Mutated_logs_never_escape_the_typed_errors(string relative, int seed)
    {
        var original = LogFiles.Bytes(relative);
        var bank = TcgEventLog.Parse(original).Banks[^1];
        var policy = BootPolicy.FromLog(TcgEventLog.Parse(original), bank);
        var random = new Random(seed);
        var parsed = 0;
        for (var round = 0; round < 150; round++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            TcgEventLog log;
            try
            {
                log = TcgEventLog.Parse(bytes);
            }
            catch (EventLogException)
            {
                continue;
            }
            parsed++;
            foreach (var e in log.Events)
            {
                Assert.NotNull(EventDecoder.Decode(e).Describe());
                EventDigestCheck.DataMatchesDigest(e, bank, out _);
            }
            if (!log.Banks.Contains(bank)) continue;
            SecureBoot.Read(log, bank);
            EventLogVerification.Verify(log, bank, EventLogVerificationTests.AllPcrs(TcgEventLog.Parse(original), bank));
            BootAppraiser.Appraise(log, bank, policy);
        }
        Assert.True(parsed > 20, $"only {parsed} mutated logs parsed: the mutations should mostly hit event data");
    }
}
