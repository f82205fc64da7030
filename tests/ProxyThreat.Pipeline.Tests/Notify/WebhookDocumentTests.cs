using System.Text.Json.Nodes;
using ProxyThreat.Pipeline.Notify;

namespace ProxyThreat.Pipeline.Tests.Notify;

public sealed class WebhookDocumentTests
{
    [Fact]
    public void Of_WrittenThreat_DateUriMd5StoryCountsAndOutputs()
    {
        var threat = TheHiveAlertTests.Threat();

        var document = JsonNode.Parse(WebhookDocument.Of(threat).ToJsonString())!;

        Assert.Equal(("2016-07-08", threat.Uri, threat.Md5, 1), ((string)document["date"]!, (string)document["uri"]!, (string)document["md5"]!, (int)document["score"]!));
        Assert.Equal(("C2 beacon", "Beacon every 60 s.", "decision"), ((string)document["story"]!["title"]!, (string)document["story"]!["text"]!, (string)document["story"]!["origin"]!));
        Assert.Equal((12, 10, 3, "2016-07-08T10:00:00Z"), ((int)document["counts"]!["rows"]!, (int)document["counts"]!["requests"]!, (int)document["counts"]!["clients"]!, (string)document["counts"]!["first_seen"]!));
        Assert.Equal([("10.0.0.1", 6), ("10.0.0.2", 4)], document["counts"]!["clientip"]!.AsArray().Select(c => ((string)c!["value"]!, (int)c["requests"]!)));
        Assert.Equal(threat.Outputs.IncidentProgression, (string)document["outputs"]!["incident_progression"]!);
        Assert.Null(document["outputs"]!["timeline"]);
    }
}
