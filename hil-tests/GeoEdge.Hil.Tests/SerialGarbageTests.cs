using System.Text;
using Xunit.Abstractions;

namespace GeoEdge.Hil.Tests;

/// <summary>
/// Line noise on the GNSS serial line, between the receiver's UBX frames (binary bursts, a line that never
/// ends, sentences with bad checksums): the agent must skip it and keep reporting where the receiver says it is.
/// </summary>
public class SerialGarbageTests(ITestOutputHelper output)
{
    private const int Rounds = 3;
    private const int MaxResultsPerRound = 6;

    // About 33 m north per round: far enough that a result there cannot be the old fix, near enough to be
    // covered in the rig's one-second cycle below GL's plausible speed (a jump of hundreds of metres in a
    // second is implausible-speed, contraindicated, as it should be).
    private const double StepDegrees = 0.0003;

    [Fact]
    public async Task Garbage_on_the_GNSS_line_is_survived_and_later_readings_carry_the_new_position()
    {
        await using var rig = await RigFixture.StartAsync(output);
        rig.StartAgent();
        Verdicts.AssertGenuineInside(await rig.AuthenticatedResultAsync(output), rig.Options);

        var random = new Random(7);
        var previous = rig.Options.Latitude;
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var garbage in Garbage(random)) rig.Sky.Ubx!.InjectGarbage(garbage);

            // Move the antenna (still inside the 5 km fence): a result at the new
            // position proves the agent parsed sentences written after the garbage, not an old fix.
            // Every result on the way must be at the old or the new position: never one the garbage made up.
            var latitude = rig.Options.Latitude + StepDegrees * round;
            rig.Sky.Ubx!.SetPosition(latitude, rig.Options.Longitude, rig.Options.AltitudeMeters);
            var arrived = false;
            for (var i = 0; i < MaxResultsPerRound && !arrived; i++)
            {
                var result = (await rig.ResultsAsync(1, output, timeoutSeconds: 15))[0];
                output.WriteLine($"round {round}: seq {result.Seq} {result.EarStatus} {result.Geofence} at {result.Latitude}, {result.Longitude}");
                arrived = result.Latitude is { } lat && Math.Abs(lat - latitude) < 1e-6;
                Verdicts.AssertGenuineInside(result, arrived ? latitude : previous, rig.Options.Longitude);
            }
            Assert.True(arrived, $"round {round}: no result at the new position within {MaxResultsPerRound} readings");
            previous = latitude;
            Assert.False(rig.Agent.Process.HasExited, $"the agent exited in round {round}:\n{rig.Agent.Process.Tail()}");
        }
        Assert.True(rig.Sky.Ubx!.SlotsSent > 0);
    }

    private static IEnumerable<byte[]> Garbage(Random random)
    {
        var binary = new byte[8192];
        random.NextBytes(binary);
        yield return binary;
        // 64 KiB with no line end: an NMEA line is at most 82 characters.
        yield return Encoding.ASCII.GetBytes(new string('A', 64 * 1024));
        yield return "\r\n"u8.ToArray();
        // Well-formed sentences with wrong checksums, for a position far away: must not be believed.
        yield return "$GPGGA,120000.00,4545.8425,N,00450.1395,E,1,12,0.8,170.0,M,47.0,M,,*00\r\n"u8.ToArray();
        yield return "$GPRMC,120000.00,A,4545.8425,N,00450.1395,E,0.0,0.0,010125,,,A*FF\r\n"u8.ToArray();
        // A sentence cut off by another, NUL bytes, a checksum that is not hex, a '$' with no end.
        yield return "$GNGGA,120000.00,45\0\0\0$GNRMC,12*ZZ\r\n$$$$$$\r\n,,,,*\r\n\n\n\r\r"u8.ToArray();
        yield return Encoding.ASCII.GetBytes("$" + new string(',', 500) + "\r\n");
    }
}
