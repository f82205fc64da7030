using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Tests.Sources;

namespace ProxyThreat.Pipeline.Tests.Analysis;

/// <summary>FORMATS.md section 4, steps 3, 4 and 7, on hand-made rows.</summary>
public sealed class ThreatAnalyzerTests
{
    private const string U = "http://evil.example/x?a=1";
    private const string A = "http://a.example/";
    private const string B = "http://b.example/";

    private static readonly TimelineSettings Defaults = new(20, TimeSpan.FromSeconds(300));

    private static ThreatAnalysis Analyze(SearchRows rows, TimelineSettings? settings = null) =>
        ThreatAnalyzer.Analyze(U, rows, settings ?? Defaults, HttpStatusNames.Default);

    private static TimelineRow Row(string start, string end, long duration, string client, string? code, string name) =>
        new(U, "2016-07-08 " + start, "2016-07-08 " + end, duration, client, code, name);

    // Step 3/4: requests and referer_for

    [Fact]
    public void Analyze_RowsOutOfOrder_RequestsAreFullUriRowsInTimeOrder()
    {
        var late = Req.At("12:00:03").From("10.0.0.3").To(U);
        var early = Req.At("12:00:01").From("10.0.0.1").To(U);
        var middle = Req.At("12:00:02").From("10.0.0.2").To(U);
        var onward = Req.At("12:00:00").From("10.0.0.4").To(A).Ref(U);

        var analysis = Analyze(Req.Rows(late, onward, early, middle));

        Assert.Equal([early.Request, middle.Request, late.Request], analysis.Requests);
        Assert.Equal(4, analysis.RowCount);
    }

    [Fact]
    public void Analyze_EqualTimes_KeepsSourceOrder()
    {
        var first = Req.At("12:00:01").From("10.0.0.9").To(U);
        var second = Req.At("12:00:01").From("10.0.0.1").To(U);
        var third = Req.At("12:00:01").From("10.0.0.5").To(U);
        var before = Req.At("12:00:00").From("10.0.0.7").To(U);

        var analysis = Analyze(Req.Rows(first, second, third, before));

        Assert.Equal([before.Request, first.Request, second.Request, third.Request], analysis.Requests);
    }

    [Fact]
    public void Analyze_RefererOnlyRows_RefererForIsDistinctFullUrisInFirstSeenTimeOrder()
    {
        var rows = Req.Rows(
            Req.At("12:00:05").From("10.0.0.1").To(A).Ref(U),
            Req.At("12:00:02").From("10.0.0.1").To(B).Ref(U),
            Req.At("12:00:03").From("10.0.0.2").To(A).Ref(U),
            Req.At("12:00:04").From("10.0.0.2").To(B).Ref(U),
            Req.At("12:00:01").From("10.0.0.2").To(U).Ref(A));

        var analysis = Analyze(rows);

        Assert.Equal([B, A], analysis.RefererFor);
        Assert.Single(analysis.Requests);
        Assert.Equal(1, analysis.RequestCount);
    }

    [Fact]
    public void Analyze_RowWhoseFullUriAndRefererAreU_IsARequestAndNotInRefererFor()
    {
        var self = Req.At("12:00:01").From("10.0.0.1").To(U).Ref(U);
        var onward = Req.At("12:00:02").From("10.0.0.1").To(A).Ref(U);

        var analysis = Analyze(Req.Rows(self, onward));

        Assert.Equal([self.Request], analysis.Requests);
        Assert.Equal([A], analysis.RefererFor);
        Assert.Equal([new CountedValue(U, 1)], analysis.Referers);
    }

    // Step 4: counts

    [Fact]
    public void Analyze_MixedRows_CountsClientsMethodsAndContentTypesOverAllRowsWithNulls()
    {
        var rows = Req.Rows(
            Req.At("12:00:01").From("10.0.0.1").To(U).Method("GET").Type("text/html"),
            Req.At("12:00:02").From("10.0.0.1").To(U).Method("GET").Type(null),
            Req.At("12:00:03").From(null).To(U).Method(null).Type("text/html"),
            Req.At("12:00:04").From("10.0.0.2").To(A).Ref(U).Method("POST").Type("image/png"),
            Req.At("12:00:05").From("10.0.0.2").To(B).Ref(U).Method("POST").Type("image/png"),
            Req.At("12:00:06").From("10.0.0.1").To(B).Ref(U).Method("CONNECT").Type(null));

        var analysis = Analyze(rows);

        Assert.Equal([new("10.0.0.1", 3), new("10.0.0.2", 2), new(null, 1)], analysis.ClientIps);
        Assert.Equal([new("GET", 2), new("POST", 2), new("CONNECT", 1), new(null, 1)], analysis.RequestMethods);
        Assert.Equal([new("image/png", 2), new("text/html", 2), new(null, 2)], analysis.ContentTypes);
        Assert.Equal(2, analysis.ClientCount);
    }

    [Fact]
    public void Analyze_MixedRows_CountsReferersOnlyOverFullUriRows()
    {
        var rows = Req.Rows(
            Req.At("12:00:01").From("10.0.0.1").To(U).Ref(A),
            Req.At("12:00:02").From("10.0.0.1").To(U).Ref(A),
            Req.At("12:00:03").From("10.0.0.1").To(U).Ref(null),
            Req.At("12:00:04").From("10.0.0.1").To(B).Ref(U),
            Req.At("12:00:05").From("10.0.0.1").To(A).Ref(U));

        var analysis = Analyze(rows);

        Assert.Equal([new CountedValue(A, 2), new CountedValue(null, 1)], analysis.Referers);
    }

    // Step 7: timeline

    [Fact]
    public void Analyze_TieInRequestCount_SmallerIpTextOrdinalFirst()
    {
        var rows = Req.Rows(
            Req.At("12:00:01").From("10.0.0.9").To(U).Code("200"),
            Req.At("12:00:02").From("10.0.0.9").To(U).Code("200"),
            Req.At("12:00:03").From("10.0.0.10").To(U).Code("200"),
            Req.At("12:00:04").From("10.0.0.10").To(U).Code("200"));

        var analysis = Analyze(rows, new TimelineSettings(1, TimeSpan.FromSeconds(300)));

        Assert.Equal([Row("12:00:03", "12:00:04", 0, "10.0.0.10", "200", "OK")], analysis.Timeline);
    }

    [Fact]
    public void Analyze_TopResultsTwoWithTieAtCut_TakesExactlyTwoClients()
    {
        var rows = Req.Rows(
            Req.At("12:00:01").From("10.0.0.5").To(U).Code("200"),
            Req.At("12:00:02").From("10.0.0.5").To(U).Code("200"),
            Req.At("12:00:03").From("10.0.0.5").To(U).Code("200"),
            Req.At("12:00:04").From("10.0.0.7").To(U).Code("200"),
            Req.At("12:00:05").From("10.0.0.7").To(U).Code("200"),
            Req.At("12:00:06").From("10.0.0.3").To(U).Code("200"),
            Req.At("12:00:07").From("10.0.0.3").To(U).Code("200"),
            Req.At("12:00:08").From("10.0.0.1").To(U).Code("200"));

        var analysis = Analyze(rows, new TimelineSettings(2, TimeSpan.FromSeconds(300)));

        Assert.Equal(
            [
                Row("12:00:01", "12:00:03", 0, "10.0.0.5", "200", "OK"),
                Row("12:00:06", "12:00:07", 0, "10.0.0.3", "200", "OK"),
            ],
            analysis.Timeline);
    }

    [Fact]
    public void Analyze_TopClientsCountedOverAllRows_TimelineUsesOnlyFullUriRows()
    {
        // 10.0.0.1 has 1 request to U but 3 rows overall; 10.0.0.2 has 2 requests to U.
        var rows = Req.Rows(
            Req.At("12:00:01").From("10.0.0.1").To(U).Code("200"),
            Req.At("12:00:02").From("10.0.0.1").To(A).Ref(U).Code("404"),
            Req.At("12:00:03").From("10.0.0.1").To(B).Ref(U).Code("404"),
            Req.At("12:00:04").From("10.0.0.2").To(U).Code("200"),
            Req.At("12:00:05").From("10.0.0.2").To(U).Code("200"));

        var analysis = Analyze(rows, new TimelineSettings(1, TimeSpan.FromSeconds(300)));

        Assert.Equal([Row("12:00:01", "12:00:01", 0, "10.0.0.1", "200", "OK")], analysis.Timeline);
    }

    [Fact]
    public void Analyze_TopClientOnlySentToOtherPages_HasNoTimelineRows()
    {
        var rows = Req.Rows(
            Req.At("12:00:01").From("10.0.0.1").To(A).Ref(U).Code("200"),
            Req.At("12:00:02").From("10.0.0.1").To(B).Ref(U).Code("200"),
            Req.At("12:00:03").From("10.0.0.2").To(U).Code("200"));

        var analysis = Analyze(rows, new TimelineSettings(1, TimeSpan.FromSeconds(300)));

        Assert.Empty(analysis.Timeline);
    }

    [Fact]
    public void Analyze_NullClientIpMostActive_NeverOnTimeline()
    {
        var rows = Req.Rows(
            Req.At("12:00:01").From(null).To(U).Code("200"),
            Req.At("12:00:02").From(null).To(U).Code("200"),
            Req.At("12:00:03").From(null).To(U).Code("200"),
            Req.At("12:00:04").From("10.0.0.2").To(U).Code("200"));

        var analysis = Analyze(rows, new TimelineSettings(1, TimeSpan.FromSeconds(300)));

        Assert.Equal([Row("12:00:04", "12:00:04", 0, "10.0.0.2", "200", "OK")], analysis.Timeline);
    }

    [Fact]
    public void Analyze_GapExactlyG_StaysOneSession()
    {
        var rows = Req.Rows(
            Req.At("12:00:00").From("10.0.0.1").To(U).Code("200").Took(10),
            Req.At("12:05:00").From("10.0.0.1").To(U).Code("200").Took(20));

        var analysis = Analyze(rows);

        Assert.Equal([Row("12:00:00", "12:05:00", 30, "10.0.0.1", "200", "OK")], analysis.Timeline);
    }

    [Fact]
    public void Analyze_GapMoreThanG_CutsSessions()
    {
        var rows = Req.Rows(
            Req.At("12:00:00").From("10.0.0.1").To(U).Code("200").Took(10),
            Req.At("12:05:00").From("10.0.0.1").To(U).Code("200").Took(20),
            Req.At("12:10:01").From("10.0.0.1").To(U).Code("200").Took(40));

        var analysis = Analyze(rows);

        Assert.Equal(
            [
                Row("12:00:00", "12:05:00", 30, "10.0.0.1", "200", "OK"),
                Row("12:10:01", "12:10:01", 40, "10.0.0.1", "200", "OK"),
            ],
            analysis.Timeline);
    }

    [Fact]
    public void Analyze_GapAcrossOtherClientsRows_CutsPerClient()
    {
        // Another client's request between them does not join 10.0.0.1's two requests into one session.
        var rows = Req.Rows(
            Req.At("12:00:00").From("10.0.0.1").To(U).Code("200"),
            Req.At("12:03:00").From("10.0.0.2").To(U).Code("200"),
            Req.At("12:06:00").From("10.0.0.1").To(U).Code("200"));

        var analysis = Analyze(rows);

        Assert.Equal(
            [
                Row("12:00:00", "12:00:00", 0, "10.0.0.1", "200", "OK"),
                Row("12:06:00", "12:06:00", 0, "10.0.0.1", "200", "OK"),
                Row("12:03:00", "12:03:00", 0, "10.0.0.2", "200", "OK"),
            ],
            analysis.Timeline);
    }

    [Fact]
    public void Analyze_SeveralCodesInSession_OneRowPerCodeWithFirstLastTimesAndSummedDurations()
    {
        var rows = Req.Rows(
            Req.At("12:00:00").From("10.0.0.1").To(U).Code("200").Took(5),
            Req.At("12:00:10").From("10.0.0.1").To(U).Code("404").Took(7),
            Req.At("12:00:20").From("10.0.0.1").To(U).Code("200").Took(null),
            Req.At("12:00:30").From("10.0.0.1").To(U).Code("999").Took(1),
            Req.At("12:00:40").From("10.0.0.1").To(U).Code(null).Took(2),
            Req.At("12:00:50").From("10.0.0.1").To(U).Code("200").Took(100),
            Req.At("12:01:00").From("10.0.0.1").To(U).Code("418").Took(null));

        var analysis = Analyze(rows);

        Assert.Equal(
            [
                Row("12:00:00", "12:00:50", 105, "10.0.0.1", "200", "OK"),
                Row("12:00:10", "12:00:10", 7, "10.0.0.1", "404", "Not Found"),
                Row("12:00:30", "12:00:30", 1, "10.0.0.1", "999", "Unknown"),
                Row("12:00:40", "12:00:40", 2, "10.0.0.1", null, "Unknown"),
                Row("12:01:00", "12:01:00", 0, "10.0.0.1", "418", "I'm a teapot (RFC 2324)"),
            ],
            analysis.Timeline);
    }

    [Fact]
    public void Analyze_GapZero_SameSecondStaysTogetherNextSecondCuts()
    {
        var rows = Req.Rows(
            Req.At("12:00:00").From("10.0.0.1").To(U).Code("200").Took(1),
            Req.At("12:00:00").From("10.0.0.1").To(U).Code("200").Took(2),
            Req.At("12:00:01").From("10.0.0.1").To(U).Code("200").Took(4));

        var analysis = Analyze(rows, new TimelineSettings(20, TimeSpan.Zero));

        Assert.Equal(
            [
                Row("12:00:00", "12:00:00", 3, "10.0.0.1", "200", "OK"),
                Row("12:00:01", "12:00:01", 4, "10.0.0.1", "200", "OK"),
            ],
            analysis.Timeline);
    }

    [Fact]
    public void Analyze_TimesFormatted_AsYearMonthDayHourMinuteSecond()
    {
        var rows = Req.Rows(Req.At("09:05:03").From("10.0.0.1").To(U).Code("302"));

        var analysis = Analyze(rows);

        var row = Assert.Single(analysis.Timeline);
        Assert.Equal("2016-07-08 09:05:03", row.Start);
        Assert.Equal("2016-07-08 09:05:03", row.End);
        Assert.Equal("Found", row.ResponseCodeName);
        Assert.Equal(U, row.Threat);
    }
}
