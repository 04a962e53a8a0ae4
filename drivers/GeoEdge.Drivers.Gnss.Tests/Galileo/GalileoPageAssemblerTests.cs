using GeoEdge.Drivers.Gnss.Galileo;
using GeoEdge.Drivers.Gnss.Ubx;
using static GeoEdge.Drivers.Gnss.Tests.Galileo.UbxTestFrames;

namespace GeoEdge.Drivers.Gnss.Tests.Galileo;

public sealed class GalileoPageAssemblerTests
{
    private readonly GalileoPageAssembler _assembler = new();
    private readonly GalileoPage _page = RealPage();

    [Theory]
    [InlineData(2, 0)]           // TIMEGAL at the page end, as the writer sends it
    [InlineData(3, 0)]           // a second later: still the page that ended at start + 2
    [InlineData(3, 999_999_999)] // just before the next page ends
    [InlineData(2, 200_000_000)]
    public void The_page_started_two_seconds_before_the_last_odd_second_of_the_latest_timegal(int secondsAfterStart, int fractionNs)
    {
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(secondsAfterStart), fractionNs % 500_000_000));
        var page = _assembler.Feed(Sfrbx(_page));

        Assert.NotNull(page);
        Assert.Equal(_page.Start, page.Start);
        Assert.Equal(_page.Svid, page.Svid);
        Assert.Equal(GalileoSignal.E1B, page.Signal);
        Assert.Equal(_page.Bits.ToArray(), page.Bits.ToArray());
        Assert.Equal(1, _assembler.PagesAssembled);
    }

    [Fact]
    public void A_timegal_a_hair_before_the_page_end_dates_the_previous_page()
    {
        // galTow = start + 2 with fGalTow = -1 ns: the page ending at start + 2 has not been received.
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(2), fractionNs: -1));
        Assert.Equal(_page.Start.AddSeconds(-2), _assembler.Feed(Sfrbx(_page))!.Start);
    }

    [Fact]
    public void E5b_pages_keep_their_signal()
    {
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(2)));
        Assert.Equal(GalileoSignal.E5bI, _assembler.Feed(Sfrbx(_page, sigId: 5))!.Signal);
    }

    [Fact]
    public void Before_any_timegal_subframes_are_refused_and_counted()
    {
        Assert.Null(_assembler.Feed(Sfrbx(_page)));
        Assert.Null(_assembler.Feed(Sfrbx(_page)));
        Assert.Equal(2, _assembler.Rejected(GalileoPageRejection.NoTimeYet));
        Assert.Equal(0, _assembler.PagesAssembled);
    }

    [Theory]
    [InlineData(0x0)]
    [InlineData(0x1)] // TOW valid, week not
    [InlineData(0x2)]
    public void A_timegal_that_does_not_vouch_for_tow_and_week_dates_nothing(byte valid)
    {
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(2), valid: valid));
        Assert.Null(_assembler.Feed(Sfrbx(_page)));
        Assert.Equal(1, _assembler.Rejected(GalileoPageRejection.TimeInvalid));
    }

    [Fact]
    public void A_timegal_left_behind_by_later_navigation_epochs_is_stale()
    {
        var timeGal = _page.Start.AddSeconds(2);
        _assembler.Feed(TimeGal(timeGal));
        _assembler.Feed(NavStatusAt((uint)(timeGal.TimeOfWeek + 3) * 1000));
        Assert.NotNull(_assembler.Feed(Sfrbx(_page))); // 3 s: still within the default age

        _assembler.Feed(NavStatusAt((uint)(timeGal.TimeOfWeek + 4) * 1000));
        Assert.Null(_assembler.Feed(Sfrbx(_page)));
        Assert.Equal(1, _assembler.Rejected(GalileoPageRejection.TimeStale));

        _assembler.Feed(TimeGal(timeGal.AddSeconds(4)));
        Assert.Equal(_page.Start.AddSeconds(4), _assembler.Feed(Sfrbx(_page))!.Start);
    }

    [Fact]
    public void Staleness_is_measured_across_the_week_rollover()
    {
        var endOfWeek = new GalileoSystemTime(1251, GalileoSystemTime.SecondsPerWeek - 1);
        _assembler.Feed(TimeGal(endOfWeek));
        _assembler.Feed(NavStatusAt(1000)); // 2 s later, in the next week
        Assert.Equal(endOfWeek.AddSeconds(-2), _assembler.Feed(Sfrbx(_page))!.Start);
        _assembler.Feed(NavStatusAt(10_000));
        Assert.Null(_assembler.Feed(Sfrbx(_page)));
        Assert.Equal(1, _assembler.Rejected(GalileoPageRejection.TimeStale));
    }

    [Fact]
    public void A_page_completed_at_the_start_of_a_week_started_in_the_previous_week()
    {
        _assembler.Feed(TimeGal(new GalileoSystemTime(1252, 1)));
        Assert.Equal(new GalileoSystemTime(1251, GalileoSystemTime.SecondsPerWeek - 1), _assembler.Feed(Sfrbx(_page))!.Start);
    }

    [Fact]
    public void Reset_time_forgets_the_timegal()
    {
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(2)));
        _assembler.ResetTime();
        Assert.Null(_assembler.Feed(Sfrbx(_page)));
        Assert.Equal(1, _assembler.Rejected(GalileoPageRejection.NoTimeYet));
    }

    [Theory]
    [InlineData(UbxGnssId.Gps, 1, 11, GalileoPageRejection.NotGalileo)]
    [InlineData(UbxGnssId.BeiDou, 1, 11, GalileoPageRejection.NotGalileo)]
    [InlineData(UbxGnssId.Galileo, 3, 11, GalileoPageRejection.UnsupportedSignal)] // E5a F/NAV
    [InlineData(UbxGnssId.Galileo, 1, 0, GalileoPageRejection.BadSvid)]
    [InlineData(UbxGnssId.Galileo, 1, 37, GalileoPageRejection.BadSvid)]
    public void Subframes_that_are_not_galileo_inav_are_counted_by_reason(byte gnssId, byte sigId, byte svId, GalileoPageRejection reason)
    {
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(2)));
        Assert.Null(_assembler.Feed(Sfrbx(_page, gnssId, sigId, svId)));
        Assert.Equal(1, _assembler.Rejected(reason));
        Assert.Equal(1, _assembler.RejectionCounts.Values.Sum());
    }

    [Fact]
    public void A_gps_subframe_of_ten_words_is_not_galileo_rather_than_malformed()
    {
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(2)));
        var gps = new UbxRxmSfrbx(UbxGnssId.Gps, 5, 0, 0, 1, 2, new uint[10]);
        Assert.Null(_assembler.Feed(new UbxFrame(UbxRxmSfrbx.Class, UbxRxmSfrbx.Id, gps.Encode())));
        Assert.Equal(1, _assembler.Rejected(GalileoPageRejection.NotGalileo));
    }

    [Fact]
    public void Malformed_payloads_are_counted_never_thrown()
    {
        var timeGal = TimeGal(_page.Start.AddSeconds(2));
        _assembler.Feed(timeGal with { Payload = timeGal.Payload[..19] });
        var sfrbx = Sfrbx(_page);
        _assembler.Feed(sfrbx with { Payload = sfrbx.Payload[..^1] });
        _assembler.Feed(sfrbx with { Payload = [] });
        var sevenWords = new UbxRxmSfrbx(UbxGnssId.Galileo, 11, 1, 0, 1, 2, new uint[7]);
        _assembler.Feed(timeGal);
        _assembler.Feed(new UbxFrame(UbxRxmSfrbx.Class, UbxRxmSfrbx.Id, sevenWords.Encode()));

        Assert.Equal(4, _assembler.Rejected(GalileoPageRejection.Malformed));
        Assert.Equal(0, _assembler.PagesAssembled);
    }

    [Fact]
    public void Swapped_halves_are_refused()
    {
        var bits = _page.Bits.ToArray();
        var swapped = bits[15..].Concat(bits[..15]).ToArray();
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(2)));
        Assert.Null(_assembler.Feed(Sfrbx(_page with { Bits = swapped })));
        Assert.Equal(1, _assembler.Rejected(GalileoPageRejection.HalvesOutOfOrder));
    }

    [Fact]
    public void A_page_with_a_broken_crc_is_delivered_and_counted_for_the_verifier_to_judge()
    {
        var bits = _page.Bits.ToArray();
        bits[10] ^= 0x01;
        _assembler.Feed(TimeGal(_page.Start.AddSeconds(2)));
        var page = _assembler.Feed(Sfrbx(_page with { Bits = bits }));
        Assert.NotNull(page);
        Assert.False(page.HasValidCrc());
        Assert.True(_page.HasValidCrc());
        Assert.Equal(1, _assembler.PagesWithBadCrc);
    }

    [Fact]
    public void Unrelated_frames_pass_by()
    {
        Assert.Null(_assembler.Feed(new UbxFrame(0x0A, 0x04, [1, 2, 3])));
        Assert.Null(_assembler.Feed(new UbxFrame(0x01, 0x07, [])));
        Assert.Equal(0, _assembler.RejectionCounts.Values.Sum());
    }
}
