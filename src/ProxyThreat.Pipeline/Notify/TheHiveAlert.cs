using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// The alert TheHive receives for a written threat (<c>POST /api/v1/alert</c>, TheHive 4.1 and 5), as a pure
/// function of it: the same threat gives the same alert, byte for byte.
/// </summary>
public static class TheHiveAlert
{
    /// <summary>The fields a <c>PATCH /api/v1/alert/{id}</c> of an existing alert sets.</summary>
    public static readonly IReadOnlyList<string> UpdatedFields = ["title", "description", "severity", "date", "tags"];

    public static JsonObject Of(WrittenThreat threat, string source)
    {
        ArgumentNullException.ThrowIfNull(threat);
        return new JsonObject
        {
            ["type"] = NotifyDefaults.AlertType,
            ["source"] = source,
            ["sourceRef"] = SourceRef(threat.Date, threat.Md5),
            ["title"] = string.IsNullOrWhiteSpace(threat.Story.Title) ? $"Proxy threat {threat.Uri}" : threat.Story.Title,
            ["description"] = AlertDescription.Of(threat),
            ["severity"] = Severity(threat.Severity),
            ["date"] = Date(threat),
            ["tags"] = new JsonArray(Tags(threat).Select(t => (JsonNode?)t).ToArray()),
            ["observables"] = new JsonArray(Observables(threat).ToArray()),
        };
    }

    /// <summary>The id TheHive keeps unique with the type and source: the date and the md5 Spot names the threat's files by.</summary>
    public static string SourceRef(DateOnly date, string md5) => string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}-{md5}");

    /// <summary>Spot's score (1 high, 2 medium, 3 low) as TheHive's severity (3 high, 2 medium, 1 low).</summary>
    public static int Severity(int spotScore) => spotScore switch
    {
        1 => 3,
        2 => 2,
        _ => 1,
    };

    /// <summary>The part of an alert a PATCH sends: the fields that follow the threat, not its identity or observables.</summary>
    public static JsonObject Update(JsonObject alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new JsonObject(UpdatedFields.Select(f => KeyValuePair.Create(f, alert[f]?.DeepClone())));
    }

    private static long Date(WrittenThreat threat)
    {
        var time = threat.FirstSeen is { } first
            ? DateTime.SpecifyKind(first, DateTimeKind.Utc)
            : threat.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new DateTimeOffset(time).ToUnixTimeMilliseconds();
    }

    private static IEnumerable<string> Tags(WrittenThreat threat) =>
    [
        "proxythreat",
        "spot:proxy",
        string.Create(CultureInfo.InvariantCulture, $"spot:score={threat.Severity}"),
        $"story:{threat.Story.Origin.ToString().ToLowerInvariant()}",
    ];

    private static IEnumerable<JsonNode> Observables(WrittenThreat threat)
    {
        var seen = new HashSet<(string, string)>();
        JsonNode? Observable(string dataType, string data, string message, bool ioc) =>
            seen.Add((dataType, data))
                ? new JsonObject { ["dataType"] = dataType, ["data"] = data, ["message"] = message, ["ioc"] = ioc }
                : null;

        var inv = CultureInfo.InvariantCulture;
        var observables = new List<JsonNode?> { Observable("url", threat.Uri, "the URI analysts scored as a threat", true) };
        if (System.Uri.TryCreate(threat.Uri, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.Host.Trim('[', ']');
            observables.Add(IPAddress.TryParse(host, out _)
                ? Observable("ip", host, "the host of the threat's URI", true)
                : Observable("domain", host, "the host of the threat's URI", true));
        }

        observables.AddRange(threat.ClientIps.Select(c => Observable("ip", c.Value!, string.Create(inv, $"a client of the threat: {c.Requests} requests in the expanded search"), false)));
        observables.AddRange(threat.Referers.Select(r => Observable("url", r.Value!, string.Create(inv, $"a page that sent users to the threat: {r.Requests} requests"), false)));
        return observables.OfType<JsonNode>();
    }
}
