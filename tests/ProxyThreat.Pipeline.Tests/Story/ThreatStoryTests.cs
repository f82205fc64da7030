using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Story;
using ProxyThreat.Pipeline.Tests.Sources;

namespace ProxyThreat.Pipeline.Tests.Story;

/// <summary>FORMATS.md section 4, step 2: decision, else storyboard entry, else generated; field by field.</summary>
public sealed class ThreatStoryTests
{
    private const string U = "http://evil.example:8080/x/y?a=1";

    private static readonly DateOnly Day = Req.Day;

    private static readonly ThreatAnalysis Analysis = ThreatAnalyzer.Analyze(
        U,
        Req.Rows(
            Req.At("09:00:01").From("10.0.0.1").To(U).Ref("http://r.example/").Method("GET").Type("text/html").Code("200"),
            Req.At("09:00:02").From("10.0.0.1").To(U).Method("GET").Code("200"),
            Req.At("09:30:00").From("10.0.0.2").To(U).Method("POST").Code("404"),
            Req.At("10:15:09").From("10.0.0.2").To("http://next.example/").Ref(U).Method("GET")),
        new TimelineSettings(20, TimeSpan.FromSeconds(300)),
        HttpStatusNames.Default);

    private static Decision DecisionWith(string? title, string? text) => new(Day, U, title, text, DecisionAction.Investigate);

    private static string GeneratedTitle => GeneratedStory.Title(Analysis, 1);

    private static string GeneratedText => GeneratedStory.Text(Day, Analysis, 20);

    [Fact]
    public void Resolve_DecisionWithTitleAndText_UsesDecision()
    {
        var story = ThreatStory.Resolve(DecisionWith("DT", "DX"), new StoryboardEntry(U, "ST", "SX"), Day, Analysis, 1, 20);

        Assert.Equal(new ThreatStory("DT", "DX", StoryOrigin.Decision), story);
    }

    [Fact]
    public void Resolve_DecisionSetsOnlyTitle_TextFromStoryboardEntry()
    {
        var story = ThreatStory.Resolve(DecisionWith("DT", null), new StoryboardEntry(U, "ST", "SX"), Day, Analysis, 1, 20);

        Assert.Equal(new ThreatStory("DT", "SX", StoryOrigin.Decision), story);
    }

    [Fact]
    public void Resolve_DecisionSetsOnlyTitleAndNoEntry_TextGenerated()
    {
        var story = ThreatStory.Resolve(DecisionWith("DT", null), null, Day, Analysis, 1, 20);

        Assert.Equal(new ThreatStory("DT", GeneratedText, StoryOrigin.Decision), story);
    }

    [Fact]
    public void Resolve_DecisionSetsOnlyText_TitleFromStoryboardEntry()
    {
        var story = ThreatStory.Resolve(DecisionWith(null, "DX"), new StoryboardEntry(U, "ST", null), Day, Analysis, 1, 20);

        Assert.Equal(new ThreatStory("ST", "DX", StoryOrigin.Decision), story);
    }

    [Fact]
    public void Resolve_DecisionWithoutTitleOrText_UsesStoryboardEntry()
    {
        var story = ThreatStory.Resolve(DecisionWith(null, null), new StoryboardEntry(U, "ST", "SX"), Day, Analysis, 1, 20);

        Assert.Equal(new ThreatStory("ST", "SX", StoryOrigin.Storyboard), story);
    }

    [Fact]
    public void Resolve_EntryWithOnlyText_TitleGenerated()
    {
        var story = ThreatStory.Resolve(null, new StoryboardEntry(U, null, "SX"), Day, Analysis, 1, 20);

        Assert.Equal(new ThreatStory(GeneratedTitle, "SX", StoryOrigin.Storyboard), story);
    }

    [Fact]
    public void Resolve_NoDecisionNoEntry_Generated()
    {
        var story = ThreatStory.Resolve(null, null, Day, Analysis, 1, 20);

        Assert.Equal(StoryOrigin.Generated, story.Origin);
        Assert.Equal(GeneratedTitle, story.Title);
        Assert.Equal(GeneratedText, story.Text);
    }

    [Fact]
    public void Resolve_NoDecisionNoEntry_GeneratedTitleNamesHostAndCounts()
    {
        var story = ThreatStory.Resolve(null, null, Day, Analysis, 1, 20);

        Assert.Equal("[generated] High-risk URI evil.example: 3 requests from 2 clients", story.Title);
    }

    [Fact]
    public void Resolve_NoDecisionNoEntry_GeneratedTextNamesUriTimesAndCounts()
    {
        var text = ThreatStory.Resolve(null, null, Day, Analysis, 1, 20).Text;

        Assert.StartsWith($"[generated] On 2016-07-08 the proxy logged 3 requests to {U} between 09:00:01 and 09:30:00 UTC from 2 client IPs, and 1 request to pages it sent users on to.", text, StringComparison.Ordinal);
        Assert.Contains("Across all 4 requests, the most active clients were 10.0.0.1 (2), 10.0.0.2 (2);", text, StringComparison.Ordinal);
        Assert.Contains("request methods: GET (3), POST (1);", text, StringComparison.Ordinal);
        Assert.Contains("Users reached it from 1 other page (http://r.example/ (1)).", text, StringComparison.Ordinal);
        Assert.Contains("It sent users on to 1 page (first: http://next.example/).", text, StringComparison.Ordinal);
        Assert.EndsWith("The timeline holds 2 rows, one per session and response code of its most active clients.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EntryTheWorkerGeneratedEarlier_RegeneratesFromTheData()
    {
        var earlier = new StoryboardEntry(U, "[generated] High-risk URI evil.example: 1 request from 1 client", "[generated] On 2016-07-08 the proxy logged 1 request");

        var story = ThreatStory.Resolve(null, earlier, Day, Analysis, 1, 20);

        Assert.Equal(StoryOrigin.Generated, story.Origin);
        Assert.Equal(GeneratedTitle, story.Title);
        Assert.Equal(GeneratedText, story.Text);
        Assert.True(ThreatStory.IsMissing(null, earlier));
    }

    [Fact]
    public void Resolve_GeneratedTitleBesideAnAnalystsText_KeepsTheTextRegeneratesTheTitle()
    {
        var saved = new StoryboardEntry(U, "[generated] High-risk URI evil.example: 1 request from 1 client", "Analyst's text");

        var story = ThreatStory.Resolve(null, saved, Day, Analysis, 1, 20);

        Assert.Equal(StoryOrigin.Storyboard, story.Origin);
        Assert.Equal(GeneratedTitle, story.Title);
        Assert.Equal("Analyst's text", story.Text);
    }

    [Fact]
    public void Resolve_SelfReferrals_CountedApartFromOtherPages()
    {
        var analysis = ThreatAnalyzer.Analyze(
            U,
            Req.Rows(
                Req.At("09:00:01").From("10.0.0.1").To(U).Ref("http://r.example/"),
                Req.At("09:00:02").From("10.0.0.1").To(U).Ref(U),
                Req.At("09:00:03").From("10.0.0.1").To(U).Ref(U)),
            new TimelineSettings(20, TimeSpan.FromSeconds(300)),
            HttpStatusNames.Default);

        var text = ThreatStory.Resolve(null, null, Day, analysis, 1, 20).Text;

        Assert.Contains("Users reached it from 1 other page (http://r.example/ (1)), and 2 requests came from the page itself.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("It sent users on to", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "High-risk")]
    [InlineData(2, "Medium-risk")]
    [InlineData(3, "Low-risk")]
    public void Resolve_GeneratedTitle_SaysWhatTheScoreSays(int severity, string risk)
    {
        var story = ThreatStory.Resolve(null, null, Day, Analysis, severity, 20);

        Assert.Equal($"[generated] {risk} URI evil.example: 3 requests from 2 clients", story.Title);
    }

    [Fact]
    public void Resolve_NoRequestFound_SaysThereIsNoProxyRecordInsteadOfCountingZeros()
    {
        var none = ThreatAnalyzer.Analyze(U, Req.Rows(), new TimelineSettings(20, TimeSpan.FromSeconds(300)), HttpStatusNames.Default);

        var story = ThreatStory.Resolve(null, null, Day, none, 1, 20);

        Assert.Equal("[generated] High-risk URI evil.example: no proxy record", story.Title);
        Assert.StartsWith($"[generated] No proxy record of {U} on 2016-07-08: the day's proxy log holds no request to it", story.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 ", story.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_OnlyRequestsItLedTo_SaysNoRequestToItAndCountsNoZeros()
    {
        var onwards = ThreatAnalyzer.Analyze(
            U,
            Req.Rows(Req.At("09:00:01").From("10.0.0.1").To("http://next.example/").Ref(U).Method("GET").Type("text/html")),
            new TimelineSettings(20, TimeSpan.FromSeconds(300)),
            HttpStatusNames.Default);

        var story = ThreatStory.Resolve(null, null, Day, onwards, 1, 20);

        Assert.Equal("[generated] High-risk URI evil.example: no request to it, 1 request to pages it sent users on to", story.Title);
        Assert.StartsWith($"[generated] On 2016-07-08 the proxy logged no request to {U} itself, only 1 request to pages it sent users on to.", story.Text, StringComparison.Ordinal);
        Assert.Contains("It sent users on to 1 page (first: http://next.example/).", story.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 ", story.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RequestsWithoutAContentType_SaysHowManyHadNone()
    {
        var text = ThreatStory.Resolve(null, null, Day, Analysis, 1, 20).Text;

        // Of the 4 requests only one carried a content type: the counts add up to the requests searched.
        Assert.Contains("content types: text/html (1), no content type on 3 requests.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UriNotAbsolute_GeneratedTitleUsesWholeUri()
    {
        var analysis = ThreatAnalyzer.Analyze(
            "evil.example/x",
            Req.Rows(Req.At("09:00:01").From("10.0.0.1").To("evil.example/x")),
            new TimelineSettings(20, TimeSpan.FromSeconds(300)),
            HttpStatusNames.Default);

        var story = ThreatStory.Resolve(null, null, Day, analysis, 1, 20);

        Assert.Equal("[generated] High-risk URI evil.example/x: 1 request from 1 client", story.Title);
    }

    [Fact]
    public void IsMissing_NothingSaved_True()
    {
        Assert.True(ThreatStory.IsMissing(null, null));
        Assert.True(ThreatStory.IsMissing(DecisionWith(null, null), new StoryboardEntry(U, null, null)));
    }

    [Fact]
    public void IsMissing_AnyFieldSaved_False()
    {
        Assert.False(ThreatStory.IsMissing(DecisionWith("DT", null), null));
        Assert.False(ThreatStory.IsMissing(DecisionWith(null, "DX"), null));
        Assert.False(ThreatStory.IsMissing(null, new StoryboardEntry(U, "ST", null)));
        Assert.False(ThreatStory.IsMissing(null, new StoryboardEntry(U, null, "SX")));
    }
}
