using System.Text.Json.Nodes;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Tests.Notify;

public sealed class TheHiveAlertTests
{
    private static readonly DateOnly Day = new(2016, 7, 8);

    internal static WrittenThreat Threat(string uri = "http://203.0.113.77/gate.php?id=1", int severity = 1, string text = "Beacon every 60 s.") => new(
        Day,
        uri,
        severity,
        new ThreatStory("C2 beacon", text, StoryOrigin.Decision),
        Rows: 12,
        Requests: 10,
        Clients: 3,
        ClientIps: [new("10.0.0.1", 6), new("10.0.0.2", 4)],
        RequestMethods: [new("GET", 10)],
        ContentTypes: [new("text/html", 10)],
        Referers: [new("http://compromised.example/a|b", 7), new(uri, 3)],
        FirstSeen: new DateTime(2016, 7, 8, 10, 0, 0),
        LastSeen: new DateTime(2016, 7, 8, 11, 0, 0),
        new ThreatOutputs("/user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-x.json", "/user/spot/proxy/hive/oa/storyboard/y=2016/m=7/d=8/proxythreat-x.parquet", null));

    [Fact]
    public void Of_WrittenThreat_AlertInTheShapeTheHiveTakes()
    {
        var threat = Threat();

        var alert = TheHiveAlert.Of(threat, "spot-prod");

        Assert.Equal(("proxythreat", "spot-prod", $"2016-07-08-{threat.Md5}", "C2 beacon"), ((string)alert["type"]!, (string)alert["source"]!, (string)alert["sourceRef"]!, (string)alert["title"]!));
        Assert.Equal(3, (int)alert["severity"]!);
        Assert.Equal(new DateTimeOffset(2016, 7, 8, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), (long)alert["date"]!);
        Assert.Equal(["proxythreat", "spot:proxy", "spot:score=1", "story:decision"], alert["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(
            [("url", threat.Uri), ("ip", "203.0.113.77"), ("ip", "10.0.0.1"), ("ip", "10.0.0.2"), ("url", "http://compromised.example/a|b")],
            alert["observables"]!.AsArray().Select(o => ((string)o!["dataType"]!, (string)o["data"]!)));
        Assert.StartsWith("Beacon every 60 s.\n\n---\n", (string)alert["description"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void Severity_SpotScore_TheHiveSeverity(int score, int severity) => Assert.Equal(severity, TheHiveAlert.Severity(score));

    [Fact]
    public void Of_HostIsAName_DomainObservable()
    {
        var alert = TheHiveAlert.Of(Threat("https://bad.example:8443/x.exe"), "proxythreat");

        Assert.Contains(alert["observables"]!.AsArray(), o => (string)o!["dataType"]! == "domain" && (string)o["data"]! == "bad.example");
    }

    [Fact]
    public void Of_SameThreatTwice_SameBytes_AndAChangedStoryChangesThem()
    {
        var once = TheHiveAlert.Of(Threat(), "proxythreat").ToJsonString();
        var again = TheHiveAlert.Of(Threat(), "proxythreat").ToJsonString();
        var changed = TheHiveAlert.Of(Threat(text: "Blocked."), "proxythreat").ToJsonString();

        Assert.Equal(once, again);
        Assert.NotEqual(once, changed);
        Assert.Equal(JsonNode.Parse(once)!["sourceRef"]!.ToJsonString(), JsonNode.Parse(changed)!["sourceRef"]!.ToJsonString());
    }

    [Fact]
    public void Description_ValuesWithMarkdownInThem_StayText()
    {
        var description = AlertDescription.Of(Threat("http://x.example/`a`|*b*"));

        Assert.Contains("**URI** ``http://x.example/`a`|*b*`` on 2016-07-08, Spot score 1 (high); story from the analyst's decision.", description, StringComparison.Ordinal);
        Assert.Contains("| `http://compromised.example/a\\|b` | 7 |", description, StringComparison.Ordinal);
        Assert.Contains("| 10 | 12 | 3 | 2016-07-08 10:00:00 | 2016-07-08 11:00:00 |", description, StringComparison.Ordinal);
        Assert.Contains("- timeline rows: none", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_Alert_OnlyTheFieldsThatFollowTheThreat()
    {
        var update = TheHiveAlert.Update(TheHiveAlert.Of(Threat(), "proxythreat"));

        Assert.Equal(["title", "description", "severity", "date", "tags"], update.Select(f => f.Key));
    }
}
