using GeoEdge.Hil.Rig.Scenarios;
using GeoEdge.Bridge.Geolocation;
using GeoEdge.Bridge.Options;
using GeoEdge.Bridge.Verification;
using GeoEdge.Wire.Readings;

namespace GeoEdge.Bridge.Tests;

/// <summary>Each condition of an authenticated fix, failed one at a time from a fix that meets them all.</summary>
public class GnssAuthenticationAssessorTests
{
    private static readonly DateTimeOffset FixTime = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    private static GnssFixReport Good(int satellites = 6) => AuthenticatedFixes.At(40.42, -3.70, FixTime, satellites);

    private static GnssAuthentication Assess(GnssFixReport fix, GnssAuthenticationOptions? options = null) =>
        new GnssAuthenticationAssessor(options ?? new GnssAuthenticationOptions()).Assess(fix);

    private static void AssertRefusedFor(GnssAuthentication result, params string[] codes)
    {
        Assert.False(result.Authenticated, "the fix was judged authenticated");
        Assert.Equal(codes, result.Findings.Select(f => f.Code));
    }

    private static GnssFixReport WithSatellite(GnssFixReport fix, int index, GnssSatellite replacement) =>
        fix with { Satellites = [.. fix.Satellites!.Select((s, i) => i == index ? replacement : s)] };

    [Fact]
    public void A_fix_from_six_authenticated_Galileo_satellites_is_authenticated()
    {
        var result = Assess(Good());

        Assert.True(result.Authenticated, string.Join("; ", result.Findings));
        Assert.Equal((6, 6), (result.SatellitesListed, result.AuthenticatedSatellites));
        Assert.Empty(result.Warnings);
        Assert.False(result.SpoofingIndicated);
    }

    [Fact]
    public void A_fix_from_an_agent_that_reports_no_OSNMA_data_is_unauthenticated()
    {
        var result = Assess(Good() with { Satellites = null, Osnma = null, Receiver = null });

        AssertRefusedFor(result, FindingCodes.GnssUnauthenticated);
        Assert.Contains("satellites", result.Findings[0].Detail, StringComparison.Ordinal);
        Assert.Contains("OSNMA", result.Findings[0].Detail, StringComparison.Ordinal);
        Assert.Equal(0, result.AuthenticatedSatellites);
    }

    [Fact]
    public void Satellites_without_any_OSNMA_verifier_state_are_unauthenticated()
    {
        AssertRefusedFor(Assess(Good() with { Osnma = null }), FindingCodes.GnssUnauthenticated);
    }

    [Fact]
    public void Four_authenticated_satellites_are_enough_and_three_are_not()
    {
        Assert.True(Assess(Good(satellites: 4)).Authenticated);

        var three = Assess(Good(satellites: 3));

        AssertRefusedFor(three, FindingCodes.GnssTooFewAuthenticated);
        Assert.Equal(3, three.AuthenticatedSatellites);
    }

    [Fact]
    public void A_GPS_satellite_in_the_used_set_makes_the_fix_unauthenticated_however_many_Galileo_ones_are_authenticated()
    {
        var fix = Good(satellites: 6) with { SatellitesUsed = 7 };
        fix = fix with { Satellites = [.. fix.Satellites!, new GnssSatellite { System = GnssSystems.Gps, Svid = 5 }] };

        var result = Assess(fix);

        AssertRefusedFor(result, FindingCodes.GnssSatelliteUnauthenticated);
        Assert.Contains("G05 (gps has no OSNMA)", result.Findings[0].Detail, StringComparison.Ordinal);
        Assert.Equal((7, 6), (result.SatellitesListed, result.AuthenticatedSatellites));
    }

    [Fact]
    public void A_Galileo_satellite_whose_navigation_data_is_not_authenticated_is_named()
    {
        var fix = WithSatellite(Good(), 2, AuthenticatedFixes.Galileo(3, FixTime.AddSeconds(-20), authenticated: false));

        var result = Assess(fix);

        AssertRefusedFor(result, FindingCodes.GnssSatelliteUnauthenticated);
        Assert.Contains("E03 (navigation data not authenticated)", result.Findings[0].Detail, StringComparison.Ordinal);
        Assert.Equal(5, result.AuthenticatedSatellites);
    }

    [Fact]
    public void A_Galileo_satellite_without_an_OSNMA_verdict_is_unauthenticated()
    {
        var fix = WithSatellite(Good(), 0, new GnssSatellite { System = GnssSystems.Galileo, Svid = 1 });

        var result = Assess(fix);

        AssertRefusedFor(result, FindingCodes.GnssSatelliteUnauthenticated);
        Assert.Contains("E01 (no OSNMA verdict)", result.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Used_satellites_missing_from_the_list_cannot_be_shown_authenticated()
    {
        var result = Assess(Good(satellites: 6) with { SatellitesUsed = 9 });

        AssertRefusedFor(result, FindingCodes.GnssSatelliteUnauthenticated);
        Assert.Contains("3 of the 9 satellites used are not listed", result.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_authentication_exactly_the_maximum_age_before_the_fix_counts_and_one_millisecond_older_does_not()
    {
        var atLimit = WithSatellite(Good(), 0, AuthenticatedFixes.Galileo(1, FixTime.AddSeconds(-300)));
        var beyond = WithSatellite(Good(), 0, AuthenticatedFixes.Galileo(1, FixTime.AddSeconds(-300).AddMilliseconds(-1)));

        Assert.True(Assess(atLimit).Authenticated);
        var result = Assess(beyond);
        AssertRefusedFor(result, FindingCodes.GnssAuthenticationStale);
        Assert.Contains("E01", result.Findings[0].Detail, StringComparison.Ordinal);
        Assert.Contains("300.001 s before", result.Findings[0].Detail, StringComparison.Ordinal);
        Assert.Equal(5, result.AuthenticatedSatellites);
    }

    [Fact]
    public void An_authentication_far_after_the_fix_time_is_as_implausible_as_a_stale_one()
    {
        var fix = WithSatellite(Good(), 0, AuthenticatedFixes.Galileo(1, FixTime.AddSeconds(301)));

        var result = Assess(fix);

        AssertRefusedFor(result, FindingCodes.GnssAuthenticationStale);
        Assert.Contains("301 s after", result.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_maximum_age_is_configurable()
    {
        var fix = WithSatellite(Good(), 0, AuthenticatedFixes.Galileo(1, FixTime.AddSeconds(-61)));

        Assert.True(Assess(fix).Authenticated);
        AssertRefusedFor(Assess(fix, new GnssAuthenticationOptions { MaxAuthenticationAgeSeconds = 60 }), FindingCodes.GnssAuthenticationStale);
    }

    [Fact]
    public void Stale_satellites_that_leave_fewer_than_four_give_both_findings()
    {
        var fix = Good(satellites: 4);
        fix = WithSatellite(fix, 3, AuthenticatedFixes.Galileo(4, FixTime.AddHours(-1)));

        AssertRefusedFor(Assess(fix), FindingCodes.GnssAuthenticationStale, FindingCodes.GnssTooFewAuthenticated);
    }

    [Fact]
    public void NMAS_test_is_refused_unless_the_bridge_accepts_test_mode()
    {
        var fix = Good() with { Osnma = AuthenticatedFixes.OperationalOsnma with { Nmas = OsnmaNmas.Test } };

        AssertRefusedFor(Assess(fix), FindingCodes.OsnmaTestMode);
        Assert.True(Assess(fix, new GnssAuthenticationOptions { AcceptOsnmaTestMode = true }).Authenticated);
    }

    [Theory]
    [InlineData(OsnmaNmas.DontUse, FindingCodes.OsnmaNotOperational, "dont-use")]
    [InlineData(null, FindingCodes.OsnmaNoStatus, "no OSNMA status")]
    public void NMAS_dont_use_or_no_status_at_all_is_not_operational(string? nmas, string code, string detail)
    {
        var fix = Good() with { Osnma = AuthenticatedFixes.OperationalOsnma with { Nmas = nmas } };

        var result = Assess(fix, new GnssAuthenticationOptions { AcceptOsnmaTestMode = true });

        AssertRefusedFor(result, code);
        Assert.Contains(detail, result.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_received_OSNMA_alert_makes_the_fix_unauthenticated()
    {
        AssertRefusedFor(Assess(Good() with { Osnma = AuthenticatedFixes.OperationalOsnma with { AlertReceived = true } }), FindingCodes.OsnmaAlert);
    }

    [Theory]
    [InlineData(SpoofingStates.Indicated)]
    [InlineData(SpoofingStates.Affirmed)]
    public void Spoofing_indicated_or_affirmed_by_the_receiver_is_refused_and_flagged(string spoofing)
    {
        var result = Assess(Good() with { Receiver = AuthenticatedFixes.Quiet with { Spoofing = spoofing } });

        AssertRefusedFor(result, FindingCodes.GnssSpoofingIndicated);
        Assert.True(result.SpoofingIndicated);
        Assert.Contains(spoofing, result.Findings[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SpoofingStates.Unknown)]
    [InlineData(SpoofingStates.None)]
    public void Spoofing_unknown_or_none_does_not_stop_authentication(string spoofing)
    {
        Assert.True(Assess(Good() with { Receiver = AuthenticatedFixes.Quiet with { Spoofing = spoofing } }).Authenticated);
    }

    [Fact]
    public void A_receiver_without_interference_flags_does_not_stop_authentication()
    {
        Assert.True(Assess(Good() with { Receiver = null }).Authenticated);
    }

    [Theory]
    [InlineData(JammingStates.Warning)]
    [InlineData(JammingStates.Critical)]
    public void Jamming_is_a_warning_and_the_fix_stays_authenticated(string jamming)
    {
        var result = Assess(Good() with { Receiver = AuthenticatedFixes.Quiet with { Jamming = jamming, JamIndicator = 180 } });

        Assert.True(result.Authenticated);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(FindingCodes.GnssJammingIndicated, warning.Code);
        Assert.Contains("180/255", warning.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TrustedTimeSources.Replay)]
    [InlineData(TrustedTimeSources.Simulation)]
    public void A_replayed_or_simulated_time_source_is_untrusted_unless_the_bridge_accepts_it(string source)
    {
        var fix = Good() with { Osnma = AuthenticatedFixes.OperationalOsnma with { TimeSource = source } };

        var result = Assess(fix);

        AssertRefusedFor(result, FindingCodes.GnssUntrustedTime);
        Assert.Contains(source, result.Findings[0].Detail, StringComparison.Ordinal);
        Assert.True(Assess(fix, new GnssAuthenticationOptions { AcceptSimulatedTime = true }).Authenticated);
    }

    [Fact]
    public void A_time_source_that_may_be_off_by_more_than_the_limit_is_untrusted()
    {
        GnssFixReport WithError(double seconds) => Good() with { Osnma = AuthenticatedFixes.OperationalOsnma with { TimeMaxErrorSeconds = seconds } };

        Assert.True(Assess(WithError(30)).Authenticated);
        AssertRefusedFor(Assess(WithError(30.5)), FindingCodes.GnssUntrustedTime);
    }

    [Fact]
    public void Every_failed_condition_is_reported_not_only_the_first()
    {
        var fix = Good(satellites: 3) with
        {
            Osnma = AuthenticatedFixes.OperationalOsnma with { Nmas = OsnmaNmas.Test, AlertReceived = true, TimeSource = TrustedTimeSources.Replay },
            Receiver = new GnssReceiverFlags { Jamming = JammingStates.Warning, Spoofing = SpoofingStates.Indicated },
        };

        var result = Assess(fix);

        AssertRefusedFor(result, FindingCodes.GnssTooFewAuthenticated, FindingCodes.OsnmaTestMode, FindingCodes.OsnmaAlert,
            FindingCodes.GnssUntrustedTime, FindingCodes.GnssSpoofingIndicated);
        Assert.Equal([FindingCodes.GnssJammingIndicated], result.Warnings.Select(f => f.Code));
    }

    [Theory]
    [InlineData(0, 30.0)]
    [InlineData(-5, 30.0)]
    [InlineData(300, -1.0)]
    [InlineData(300, double.NaN)]
    public void Nonsensical_options_are_refused_at_start(int maxAge, double maxTimeError)
    {
        Assert.Throws<ArgumentException>(() => new GnssAuthenticationAssessor(
            new GnssAuthenticationOptions { MaxAuthenticationAgeSeconds = maxAge, MaxTimeErrorSeconds = maxTimeError }));
    }
}
