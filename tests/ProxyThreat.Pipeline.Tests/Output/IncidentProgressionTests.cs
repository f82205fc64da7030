using System.Text;
using System.Text.Json;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Provenance;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Story;
using ProxyThreat.Pipeline.Tests.Sources;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Output;

/// <summary>FORMATS.md section 4, step 5: the incident progression file.</summary>
public sealed class IncidentProgressionTests
{
    private const string U = "http://a.com/";

    private static readonly TimelineSettings Defaults = new(20, TimeSpan.FromSeconds(300));

    private static ThreatAnalysis SmallCase() => ThreatAnalyzer.Analyze(
        U,
        Req.Rows(
            Req.At("12:00:03").From("10.0.0.1").To("http://b.com/").Ref(U).Method("GET").Type("image/png"),
            Req.At("12:00:01").From("10.0.0.1").To(U).Ref("http://r.com/").Method("GET").Type("text/html"),
            Req.At("12:00:02").From(null).To(U).Ref(null).Method("POST").Type(null)),
        Defaults,
        HttpStatusNames.Default);

    [Fact]
    public async Task Write_SmallCase_GivesExactBytes()
    {
        // One line in the file; broken here for reading only.
        var expected = """
            {"fulluri":"http://a.com/","requests":[
            {"clientip":"10.0.0.1","referer":"http://r.com/","reqmethod":"GET","resconttype":"text/html"},
            {"clientip":null,"referer":null,"reqmethod":"POST","resconttype":null}],
            "referer_for":["http://b.com/"],
            "counts":{"rows":3,
            "clientip":[{"value":"10.0.0.1","requests":2},{"value":null,"requests":1}],
            "reqmethod":[{"value":"GET","requests":2},{"value":"POST","requests":1}],
            "resconttype":[{"value":"image/png","requests":1},{"value":"text/html","requests":1},{"value":null,"requests":1}],
            "referer":[{"value":"http://r.com/","requests":1},{"value":null,"requests":1}]},
            "origin":"generated"}
            """.ReplaceLineEndings(string.Empty);

        var bytes = await Progression.BytesAsync(SmallCase(), StoryOrigin.Generated);

        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
    }

    [Fact]
    public async Task Write_SmallCase_KeysHoldRequestsInTimeOrderAndRefererFor()
    {
        using var json = JsonDocument.Parse(await Progression.BytesAsync(SmallCase(), StoryOrigin.Generated));
        var root = json.RootElement;

        Assert.Equal(U, root.GetProperty("fulluri").GetString());
        var requests = root.GetProperty("requests").EnumerateArray().ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("10.0.0.1", requests[0].GetProperty("clientip").GetString());
        Assert.Equal("http://r.com/", requests[0].GetProperty("referer").GetString());
        Assert.Equal("GET", requests[0].GetProperty("reqmethod").GetString());
        Assert.Equal("text/html", requests[0].GetProperty("resconttype").GetString());
        Assert.Equal(JsonValueKind.Null, requests[1].GetProperty("clientip").ValueKind);
        Assert.Equal(JsonValueKind.Null, requests[1].GetProperty("referer").ValueKind);
        Assert.Equal("POST", requests[1].GetProperty("reqmethod").GetString());
        Assert.Equal(JsonValueKind.Null, requests[1].GetProperty("resconttype").ValueKind);
        Assert.Equal(["http://b.com/"], root.GetProperty("referer_for").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Write_UriWithQuoteAndNonAscii_RoundTripsThroughJsonParsing()
    {
        const string Odd = "http://exämple.com/p\"q?x=ü&y=日本\\z";
        const string Onward = "http://b.com/ö\"";
        var analysis = ThreatAnalyzer.Analyze(
            Odd,
            Req.Rows(
                Req.At("12:00:01").From("10.0.0.1").To(Odd).Ref("http://r.com/\"ü\""),
                Req.At("12:00:02").From("10.0.0.1").To(Onward).Ref(Odd)),
            Defaults,
            HttpStatusNames.Default);

        var bytes = await Progression.BytesAsync(analysis, StoryOrigin.Generated);
        using var json = JsonDocument.Parse(bytes);

        Assert.Equal(Odd, json.RootElement.GetProperty("fulluri").GetString());
        Assert.Equal("http://r.com/\"ü\"", json.RootElement.GetProperty("requests")[0].GetProperty("referer").GetString());
        Assert.Equal([Onward], json.RootElement.GetProperty("referer_for").EnumerateArray().Select(e => e.GetString()));
        // Non-ASCII stays legible (raw UTF-8, not \u escapes).
        Assert.Contains("exämple.com", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_Twice_GivesIdenticalBytes()
    {
        var analysis = SmallCase();

        var first = await Progression.BytesAsync(analysis, StoryOrigin.Generated);
        var second = await Progression.BytesAsync(analysis, StoryOrigin.Generated);
        var fromFreshAnalysis = await Progression.BytesAsync(SmallCase(), StoryOrigin.Generated);

        Assert.Equal(first, second);
        Assert.Equal(first, fromFreshAnalysis);
    }

    [Fact]
    public async Task Write_NoRows_WritesEmptyArrays()
    {
        var analysis = ThreatAnalyzer.Analyze(U, Req.Rows(), Defaults, HttpStatusNames.Default);

        var text = Encoding.UTF8.GetString(await Progression.BytesAsync(analysis, StoryOrigin.Generated));

        Assert.Equal(
            """{"fulluri":"http://a.com/","requests":[],"referer_for":[],"counts":{"rows":0,"clientip":[],"reqmethod":[],"resconttype":[],"referer":[]},"origin":"generated"}""",
            text);
    }

    [Fact]
    public async Task Write_WithProvenance_AddsItLastAndLeavesEveryOtherKeyAsItWas()
    {
        var without = await Progression.BytesAsync(SmallCase(), StoryOrigin.Generated);
        var analysis = SmallCase();
        var settings = new OutputSettings([1, 2], 1, 60);
        analysis.Provenance = new ThreatProvenance(
            new SourceRead(SourceKind.Tables, [new InputFile("/user/spot/proxy/hive/y=2016/m=07/d=08/h=12/000000_0", 4096)], null),
            3,
            StoryOrigin.Generated,
            settings,
            1,
            1,
            "1.0.0+abc");

        var text = Encoding.UTF8.GetString(await Progression.BytesAsync(analysis, StoryOrigin.Generated));

        var provenance = """
            ,"provenance":{"source":{"kind":"tables","files":[{"path":"/user/spot/proxy/hive/y=2016/m=07/d=08/h=12/000000_0","bytes":4096}],"rows":3},
            "story":"generated","worker":"1.0.0+abc",
            "settings":{"severities":[1,2],"top_results":1,"timeline_gap_seconds":60,"sha256":"SHA"},
            "timeline":{"clients":1,"top":1,"capped":false}}}
            """.ReplaceLineEndings(string.Empty).Replace("SHA", settings.Sha256, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString(without)[..^1] + provenance, text);
    }

    [Fact]
    public async Task Write_GraphQLProvenance_NamesTheEndpointAndTheRowCount()
    {
        var analysis = SmallCase();
        analysis.Provenance = new ThreatProvenance(new SourceRead(SourceKind.GraphQL, [], "spot-ui:8889"), 3, StoryOrigin.Decision, new OutputSettings([1], 20, 300), 1, 1, "1.0.0");

        using var json = JsonDocument.Parse(await Progression.BytesAsync(analysis, StoryOrigin.Decision));

        Assert.Equal(
            """{"kind":"graphql","endpoint":"spot-ui:8889","rows":3}""",
            json.RootElement.GetProperty("provenance").GetProperty("source").GetRawText());
    }
}
