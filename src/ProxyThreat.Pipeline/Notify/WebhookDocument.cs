using System.Globalization;
using System.Text.Json.Nodes;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Output;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// The JSON document a webhook receives for a written or changed threat, as a pure function of it: the same
/// threat gives the same document, and so the same <c>Idempotency-Key</c>.
/// </summary>
public static class WebhookDocument
{
    public static JsonObject Of(WrittenThreat threat)
    {
        ArgumentNullException.ThrowIfNull(threat);
        return new JsonObject
        {
            ["date"] = threat.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["uri"] = threat.Uri,
            ["md5"] = threat.Md5,
            ["score"] = threat.Severity,
            ["story"] = new JsonObject
            {
                ["title"] = threat.Story.Title,
                ["text"] = threat.Story.Text,
                ["origin"] = threat.Story.Origin.ToString().ToLowerInvariant(),
            },
            ["counts"] = new JsonObject
            {
                ["rows"] = threat.Rows,
                ["requests"] = threat.Requests,
                ["clients"] = threat.Clients,
                ["first_seen"] = Time(threat.FirstSeen),
                ["last_seen"] = Time(threat.LastSeen),
                ["clientip"] = Counted(threat.ClientIps),
                ["reqmethod"] = Counted(threat.RequestMethods),
                ["resconttype"] = Counted(threat.ContentTypes),
                ["referer"] = Counted(threat.Referers),
            },
            ["outputs"] = new JsonObject
            {
                ["incident_progression"] = threat.Outputs.IncidentProgression,
                ["storyboard"] = threat.Outputs.Storyboard,
                ["timeline"] = threat.Outputs.Timeline,
            },
        };
    }

    private static JsonArray Counted(IReadOnlyList<CountedValue> values) =>
        new(values.Select(v => (JsonNode?)new JsonObject { ["value"] = v.Value, ["requests"] = v.Requests }).ToArray());

    private static string? Time(DateTime? time) => time?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
