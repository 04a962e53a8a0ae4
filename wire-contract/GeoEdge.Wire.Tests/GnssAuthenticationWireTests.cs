using System.Text;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Wire.Tests;

/// <summary>The OSNMA, satellite and receiver-flag members of a fix: exact wire form, round trips, hostile input.</summary>
public class GnssAuthenticationWireTests
{
    private static readonly DateTimeOffset FixTime = new(2026, 11, 23, 13, 59, 59, TimeSpan.Zero);

    private static GnssSatellite Galileo(int svid, bool authenticated = true) => new()
    {
        System = GnssSystems.Galileo,
        Svid = svid,
        Osnma = new GalileoOsnmaRecord
        {
            NavData = new OsnmaNavDataAuthentication { Authenticated = authenticated, LastAuthenticated = FixTime.AddSeconds(-20), Iodnav = 87 },
            Timing = new OsnmaTimingAuthentication { Authenticated = false },
        },
    };

    private static Reading Sample(GnssFixReport? fix = null) => new()
    {
        V = Reading.CurrentVersion,
        HostId = "edge-01",
        Seq = 7,
        Time = FixTime.AddSeconds(1),
        NonceEpoch = "e1",
        Fix = fix ?? new GnssFixReport
        {
            Time = FixTime,
            Latitude = 40.5,
            Longitude = -3.25,
            Quality = "Gps",
            SatellitesUsed = 2,
            Satellites = [Galileo(11), new GnssSatellite { System = GnssSystems.Gps, Svid = 5 }],
            Osnma = new OsnmaState
            {
                Nmas = OsnmaNmas.Operational, ChainId = 1, PublicKeyId = 2, StartMode = OsnmaStartModes.Warm,
                AlertReceived = false, TimeSource = TrustedTimeSources.System, TimeMaxErrorSeconds = 0.5,
            },
            Receiver = new GnssReceiverFlags { Jamming = JammingStates.None, Spoofing = SpoofingStates.Unknown, JamIndicator = 12 },
        },
    };

    private static string Text(Reading reading) => Encoding.UTF8.GetString(CanonicalReading.Encode(reading));

    private static WireFormatException Refused(string json) =>
        Assert.Throws<WireFormatException>(() => CanonicalReading.Decode(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_fix_members_have_these_exact_wire_names_in_declaration_order()
    {
        var expected =
            """{"v":1,"hostId":"edge-01","seq":7,"time":"2026-11-23T14:00:00+00:00","nonceEpoch":"e1","fix":{"time":"2026-11-23T13:59:59+00:00","latitude":40.5,"longitude":-3.25,"quality":"Gps","satellitesUsed":2"""
            + ""","satellites":[{"system":"galileo","svid":11,"osnma":{"navData":{"authenticated":true,"lastAuthenticated":"2026-11-23T13:59:39+00:00","iodnav":87},"timing":{"authenticated":false}}},{"system":"gps","svid":5}]"""
            + ""","osnma":{"nmas":"operational","chainId":1,"publicKeyId":2,"startMode":"warm","alertReceived":false,"timeSource":"system","timeMaxErrorSeconds":0.5}"""
            + ""","receiver":{"jamming":"none","spoofing":"unknown","jamIndicator":12}}}""";

        Assert.Equal(expected, Text(Sample()));
    }

    [Fact]
    public void A_reading_of_an_agent_that_predates_OSNMA_still_decodes_byte_for_byte()
    {
        const string old = """{"v":1,"hostId":"edge-01","seq":7,"time":"2026-11-23T14:00:00+00:00","nonceEpoch":"e1","fix":{"time":"2026-11-23T13:59:59+00:00","latitude":40.5,"longitude":-3.25,"quality":"Gps","satellitesUsed":9,"hdop":0.9}}""";

        var decoded = CanonicalReading.Decode(Encoding.UTF8.GetBytes(old));

        Assert.Null(decoded.Fix!.Satellites);
        Assert.Null(decoded.Fix.Osnma);
        Assert.Null(decoded.Fix.Receiver);
        Assert.Equal(old, Text(decoded));
    }

    [Fact]
    public void Round_trip_keeps_the_authentication_facts_and_cuts_their_times_to_milliseconds()
    {
        var sample = Sample();
        var precise = sample with
        {
            Fix = sample.Fix! with
            {
                Satellites = [Galileo(11) with { Osnma = Galileo(11).Osnma! with
                {
                    NavData = Galileo(11).Osnma!.NavData with { LastAuthenticated = FixTime.AddTicks(-12_345_678) },
                    Timing = new OsnmaTimingAuthentication { Authenticated = true, LastAuthenticated = FixTime.ToOffset(TimeSpan.FromHours(2)).AddTicks(5) },
                } }],
            },
        };

        var bytes = CanonicalReading.Encode(precise);
        var decoded = CanonicalReading.Decode(bytes).Fix!;

        var record = Assert.Single(decoded.Satellites!).Osnma!;
        Assert.Equal(FixTime.AddMilliseconds(-1235), record.NavData.LastAuthenticated);
        Assert.Equal(87, record.NavData.Iodnav);
        Assert.True(record.Timing.Authenticated);
        Assert.Equal(FixTime, record.Timing.LastAuthenticated);
        Assert.Equal(TimeSpan.Zero, record.Timing.LastAuthenticated!.Value.Offset);
        Assert.Equal(OsnmaNmas.Operational, decoded.Osnma!.Nmas);
        Assert.Equal(12, decoded.Receiver!.JamIndicator);
        Assert.Equal(bytes, CanonicalReading.Encode(CanonicalReading.Decode(bytes)));
    }

    [Fact]
    public void Changing_one_satellites_authentication_changes_the_digest()
    {
        var sample = Sample();
        var forged = sample with { Fix = sample.Fix! with { Satellites = [Galileo(11, authenticated: false), sample.Fix.Satellites![1]] } };

        Assert.NotEqual(CanonicalReading.Digest(CanonicalReading.Encode(sample)), CanonicalReading.Digest(CanonicalReading.Encode(forged)));
    }

    [Theory]
    [InlineData("\"svid\":11", "\"svid\":37", "fix.satellites[0].svid")]
    [InlineData("\"svid\":11", "\"svid\":0", "fix.satellites[0].svid")]
    [InlineData("\"svid\":5", "\"svid\":33", "fix.satellites[1].svid")]
    [InlineData("\"system\":\"gps\"", "\"system\":\"GPS\"", "fix.satellites[1].system")]
    [InlineData("{\"system\":\"gps\",\"svid\":5}", "{\"system\":\"galileo\",\"svid\":11}", "listed twice")]
    [InlineData("{\"system\":\"gps\",\"svid\":5}", "null", "fix.satellites[1]")]
    [InlineData("\"iodnav\":87", "\"iodnav\":1024", "fix.satellites[0].osnma.navData.iodnav")]
    [InlineData(",\"lastAuthenticated\":\"2026-11-23T13:59:39+00:00\"", "", "fix.satellites[0].osnma.navData.lastAuthenticated")]
    [InlineData("\"timing\":{\"authenticated\":false}", "\"timing\":{\"authenticated\":true}", "fix.satellites[0].osnma.timing.lastAuthenticated")]
    [InlineData("\"nmas\":\"operational\"", "\"nmas\":\"OK\"", "fix.osnma.nmas")]
    [InlineData("\"chainId\":1", "\"chainId\":4", "fix.osnma.chainId")]
    [InlineData("\"publicKeyId\":2", "\"publicKeyId\":16", "fix.osnma.publicKeyId")]
    [InlineData("\"startMode\":\"warm\"", "\"startMode\":\"lukewarm\"", "fix.osnma.startMode")]
    [InlineData("\"timeSource\":\"system\"", "\"timeSource\":\"gps\"", "fix.osnma.timeSource")]
    [InlineData("\"timeMaxErrorSeconds\":0.5", "\"timeMaxErrorSeconds\":-1", "fix.osnma.timeMaxErrorSeconds")]
    [InlineData("\"jamming\":\"none\"", "\"jamming\":\"indicated\"", "fix.receiver.jamming")]
    [InlineData("\"spoofing\":\"unknown\"", "\"spoofing\":\"warning\"", "fix.receiver.spoofing")]
    [InlineData("\"jamIndicator\":12", "\"jamIndicator\":256", "fix.receiver.jamIndicator")]
    public void An_out_of_range_or_unknown_value_is_refused_naming_its_field(string original, string replacement, string named)
    {
        var json = Text(Sample());
        Assert.Contains(original, json, StringComparison.Ordinal);

        var e = Refused(json.Replace(original, replacement, StringComparison.Ordinal));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"system\":\"gps\",\"svid\":5}", "{\"system\":\"gps\",\"svid\":5,\"osnma\":{\"navData\":{\"authenticated\":false},\"timing\":{\"authenticated\":false}}}", "only Galileo")]
    [InlineData("\"alertReceived\":false,", "", "alertReceived")]
    [InlineData("\"timing\":{\"authenticated\":false}", "\"timing\":null", "timing")]
    [InlineData("\"authenticated\":true", "\"authenticated\":\"yes\"", "authenticated")]
    [InlineData("\"jamIndicator\":12", "\"jamIndicator\":12,\"spoofed\":true", "spoofed")]
    [InlineData("\"spoofing\":\"unknown\"", "\"spoofing\":null", "spoofing")]
    public void A_structurally_wrong_record_is_refused_naming_what_is_wrong(string original, string replacement, string named)
    {
        var json = Text(Sample());
        Assert.Contains(original, json, StringComparison.Ordinal);

        var e = Refused(json.Replace(original, replacement, StringComparison.Ordinal));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_satellites_than_the_limit_are_refused()
    {
        var many = Enumerable.Range(0, GnssFixValidation.MaxSatellites + 1)
            .Select(i => new GnssSatellite { System = i < 60 ? GnssSystems.Beidou : GnssSystems.Sbas, Svid = i < 60 ? i + 1 : 120 + (i - 60) % 39 })
            .ToList();
        var json = Text(Sample(Sample().Fix! with { Satellites = many }));

        var e = Refused(json);

        Assert.Contains("fix.satellites", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{GnssFixValidation.MaxSatellites + 1} satellites", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GnssSystems.Gps, 32)]
    [InlineData(GnssSystems.Galileo, 36)]
    [InlineData(GnssSystems.Glonass, 32)]
    [InlineData(GnssSystems.Beidou, 63)]
    [InlineData(GnssSystems.Qzss, 10)]
    [InlineData(GnssSystems.Sbas, 158)]
    [InlineData(GnssSystems.Navic, 14)]
    public void The_highest_svid_of_each_system_is_accepted_and_the_next_is_not(string system, int highest)
    {
        Reading With(int svid) => Sample(Sample().Fix! with { Satellites = [new GnssSatellite { System = system, Svid = svid }] });

        Assert.Equal(highest, CanonicalReading.Decode(CanonicalReading.Encode(With(highest))).Fix!.Satellites![0].Svid);
        var e = Refused(Text(With(highest + 1)));
        Assert.Contains("fix.satellites[0].svid", e.Message, StringComparison.Ordinal);
    }
}
