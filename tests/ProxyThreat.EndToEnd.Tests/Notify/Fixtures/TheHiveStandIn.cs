using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProxyThreat.EndToEnd.Tests.Notify.Fixtures;

/// <summary>
/// TheHive's alert API on loopback, in the request and answer shapes of TheHive 4.1 and 5 (<c>/api/v1</c>): API keys
/// as <c>Authorization: Bearer</c> (401 <c>AuthenticationError</c> otherwise), <c>POST /alert</c> answering 201 with
/// the output alert or 400 <c>CreateError</c> when type, source and sourceRef name an existing alert (400
/// <c>AttributeCheckingError</c> when a required field is missing), <c>POST /query</c> with <c>listAlert</c> and
/// <c>filter</c> steps answering an array, <c>PATCH /alert/{id}</c> answering 204 (404 <c>NotFoundError</c>), and
/// <c>GET /user/current</c>; in 4.1's way (<see cref="Version41"/>), alerts are created without observables, which
/// <c>POST /alert/{id}/artifact</c> adds. Alerts can be imported into a case, as an analyst would.
/// </summary>
internal sealed class TheHiveStandIn : IAsyncDisposable
{
    private static readonly string[] Required = ["type", "source", "sourceRef", "title", "description"];
    private static readonly string[] Updatable = ["title", "description", "severity", "date", "tags", "tlp", "pap", "follow", "status"];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _alerts = new();
    private int _lastId = 4096;

    private TheHiveStandIn(WebApplication app)
    {
        _app = app;
    }

    public const string Login = "proxythreat@example.org";

    public Uri Url { get; private set; } = null!;

    /// <summary>The API key TheHive accepts.</summary>
    public string ApiKey { get; set; } = "thehive-api-key-7f3a";

    /// <summary>
    /// Answers as TheHive 4.1 does: an alert is created without the observables its body lists (4.1's InputAlert has
    /// none), and observables are added through <c>POST /alert/{id}/artifact</c>.
    /// </summary>
    public bool Version41 { get; set; }

    /// <summary>The permissions of the key's user, as <c>GET /user/current</c> lists them.</summary>
    public string[] Permissions { get; set; } = ["manageAlert/create", "manageAlert/update", "manageCase/create"];

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    /// <summary>The alerts, by _id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Alerts => _alerts;

    public JsonObject AlertOf(string sourceRef) => _alerts.Values.Single(a => (string?)a["sourceRef"] == sourceRef);

    /// <summary>What "create case from alert" does to the alert (4.1 sets the status, 5 the stage; both the caseId).</summary>
    public void ImportIntoCase(string sourceRef)
    {
        var alert = AlertOf(sourceRef);
        alert["caseId"] = "~8192";
        alert["status"] = "Imported";
        alert["stage"] = "Imported";
    }

    /// <summary>Starts on a free port; with a certificate, over HTTPS.</summary>
    public static async Task<TheHiveStandIn> StartAsync(X509Certificate2? certificate = null)
    {
        var app = LoopbackServer.Create(0, certificate);
        var standIn = new TheHiveStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.Url = new Uri($"{LoopbackServer.Address(app).GetLeftPart(UriPartial.Authority)}/");
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new ReceivedRequest(request.Method, request.Path + request.QueryString, request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body));
        if (request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            await AnswerAsync(context, 401, Error("AuthenticationError", "Authentication failure"));
            return;
        }

        var path = request.Path.Value ?? string.Empty;
        var (status, answer) = (request.Method, path) switch
        {
            ("POST", "/api/v1/alert") => Create(body),
            ("POST", "/api/v1/query") => Query(body),
            ("POST", _) when Version41 && path.StartsWith("/api/v1/alert/", StringComparison.Ordinal) && path.EndsWith("/artifact", StringComparison.Ordinal) =>
                AddArtifact(Uri.UnescapeDataString(path["/api/v1/alert/".Length..^"/artifact".Length]), body),
            ("PATCH", _) when path.StartsWith("/api/v1/alert/", StringComparison.Ordinal) => Update(Uri.UnescapeDataString(path["/api/v1/alert/".Length..]), body),
            ("GET", "/api/v1/user/current") => (200, new JsonObject
            {
                ["_id"] = "~41",
                ["login"] = Login,
                ["name"] = "ProxyThreat",
                ["organisation"] = "ACME",
                ["permissions"] = new JsonArray(Permissions.Select(p => (JsonNode?)p).ToArray()),
            }),
            _ => (404, Error("NotFoundError", $"{request.Method} {path} not found")),
        };
        await AnswerAsync(context, status, answer);
    }

    private (int, JsonNode?) Create(string body)
    {
        if (JsonNode.Parse(body) is not JsonObject input)
        {
            return (400, Error("BadRequest", "Invalid json"));
        }

        if (Required.FirstOrDefault(f => input[f] is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String || ((string?)v)?.Length == 0) is { } missing)
        {
            return (400, Error("AttributeCheckingError", $"[Attribute {missing} is missing]"));
        }

        var (type, source, sourceRef) = ((string)input["type"]!, (string)input["source"]!, (string)input["sourceRef"]!);
        lock (_alerts)
        {
            if (_alerts.Values.Any(a => (string?)a["type"] == type && (string?)a["source"] == source && (string?)a["sourceRef"] == sourceRef))
            {
                return (400, Error("CreateError", $"Alert {type}:{source}:{sourceRef} already exist in organisation ACME"));
            }

            var id = "~" + Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
            var alert = new JsonObject
            {
                ["_id"] = id,
                ["_type"] = "Alert",
                ["_createdBy"] = Login,
                ["_createdAt"] = 1_700_000_000_000,
                ["type"] = type,
                ["source"] = source,
                ["sourceRef"] = sourceRef,
                ["title"] = input["title"]!.DeepClone(),
                ["description"] = input["description"]!.DeepClone(),
                ["severity"] = input["severity"]?.DeepClone() ?? 2,
                ["date"] = input["date"]?.DeepClone() ?? 1_700_000_000_000,
                ["tags"] = input["tags"]?.DeepClone() ?? new JsonArray(),
                ["tlp"] = 2,
                ["pap"] = 2,
                ["read"] = false,
                ["follow"] = true,
                ["status"] = "New",
                ["stage"] = "New",
                ["observables"] = Version41 ? new JsonArray() : input["observables"]?.DeepClone() ?? new JsonArray(),
                ["observableCount"] = Version41 ? 0 : (input["observables"] as JsonArray)?.Count ?? 0,
                ["extraData"] = new JsonObject(),
            };
            _alerts[id] = alert;
            return (201, Output(alert));
        }
    }

    private (int, JsonNode?) Query(string body)
    {
        if (JsonNode.Parse(body)?["query"] is not JsonArray steps || steps.Count == 0 || (string?)steps[0]?["_name"] != "listAlert")
        {
            return (400, Error("BadRequest", "the query must start with listAlert"));
        }

        IEnumerable<JsonObject> found = _alerts.Values.OrderBy(a => (string?)a["_id"], StringComparer.Ordinal);
        foreach (var step in steps.Skip(1))
        {
            if ((string?)step?["_name"] != "filter")
            {
                return (400, Error("BadRequest", $"query step {(string?)step?["_name"]} is not served by this stand-in"));
            }

            var conditions = step["_and"] is JsonArray and ? and.Select(c => c?["_eq"] ?? c) : [step];
            foreach (var condition in conditions.ToList())
            {
                var (field, value) = ((string?)condition?["_field"], condition?["_value"]?.ToJsonString());
                found = found.Where(a => a[field!]?.ToJsonString() == value);
            }
        }

        return (200, new JsonArray(found.Select(a => (JsonNode?)Output(a)).ToArray()));
    }

    /// <summary>4.1's "create artifact in alert": <c>data</c> is one value or an array of them, one observable each.</summary>
    private (int, JsonNode?) AddArtifact(string id, string body)
    {
        if (!_alerts.TryGetValue(id, out var alert))
        {
            return (404, Error("NotFoundError", $"Alert {id} not found"));
        }

        if (JsonNode.Parse(body) is not JsonObject input || input["dataType"] is not JsonValue dataType || input["data"] is null)
        {
            return (400, Error("AttributeCheckingError", "[Attribute dataType is missing]"));
        }

        var values = input["data"] is JsonArray many ? many.Select(v => (string)v!).ToList() : [(string)input["data"]!];
        var observables = (JsonArray)alert["observables"]!;
        var created = new JsonArray();
        foreach (var value in values)
        {
            var observable = new JsonObject { ["dataType"] = (string)dataType!, ["data"] = value, ["message"] = input["message"]?.DeepClone(), ["ioc"] = input["ioc"]?.DeepClone() };
            observables.Add(observable);
            created.Add(observable.DeepClone());
        }

        alert["observableCount"] = observables.Count;
        return (201, created);
    }

    private (int, JsonNode?) Update(string id, string body)
    {
        if (!_alerts.TryGetValue(id, out var alert))
        {
            return (404, Error("NotFoundError", $"Alert {id} not found"));
        }

        if (JsonNode.Parse(body) is not JsonObject fields || fields.Select(f => f.Key).FirstOrDefault(k => !Updatable.Contains(k)) is { } unknown)
        {
            return (400, Error("BadRequest", $"Invalid update of alert {id}"));
        }

        foreach (var (key, value) in fields)
        {
            alert[key] = value?.DeepClone();
        }

        return (204, null);
    }

    /// <summary>An alert as the API outputs it: the observables are not part of it, only their count.</summary>
    private static JsonObject Output(JsonObject alert)
    {
        var output = alert.DeepClone().AsObject();
        output.Remove("observables");
        return output;
    }

    private static JsonObject Error(string type, string message) => new() { ["type"] = type, ["message"] = message };

    private static async Task AnswerAsync(HttpContext context, int status, JsonNode? answer)
    {
        context.Response.StatusCode = status;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        }
    }
}
