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
/// the output alert or 400 <c>CreateError</c> when type, source and sourceRef name an existing alert of the
/// organisation (400 <c>AttributeCheckingError</c> when a required field is missing), <c>POST /query</c> with
/// <c>listAlert</c> and <c>filter</c> steps, or <c>getAlert</c> and <c>observables</c>, answering an array,
/// <c>PATCH /alert/{id}</c> answering 204 (404 <c>NotFoundError</c>), <c>POST /alert/{id}/observable</c> (TheHive 5)
/// adding observables, and <c>GET /user/current</c>; in 4.1's way (<see cref="Version41"/>), alerts are created
/// without observables and output with neither status nor stage, and observables are added through
/// <c>POST /alert/{id}/artifact</c> instead. Adding answers 201 with the observables created, or, as 4.1's
/// ObservableCtrl does, 207 with <c>success</c> and <c>failure</c> lists when some already exist in the alert
/// (<c>CreateError</c> "Observable already exists", compared by data type and data).
/// <para>
/// Requests act in the organisation <c>X-Organisation</c> names, else the user's first (<see cref="Organisations"/>).
/// In one the user is not in, as TheHive 4.1's auth context makes it, the user has no permission: <c>GET
/// /user/current</c> lists none, <c>POST /alert</c> answers 404 <c>NotFoundError</c> "Organisation not found",
/// <c>PATCH</c> 403 <c>AuthorizationError</c>, and no alert of another organisation is found or changed. Analysts can
/// import an alert into a case and add or change its observables.
/// </para>
/// </summary>
internal sealed class TheHiveStandIn : IAsyncDisposable
{
    private static readonly string[] Required = ["type", "source", "sourceRef", "title", "description"];
    private static readonly string[] Updatable = ["title", "description", "severity", "date", "tags", "tlp", "pap", "follow", "status"];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _alerts = new();
    private int _lastId = 4096;
    private int _addsBeforeFailure = -1;

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

    /// <summary>The organisations the key's user is in; the first is where requests without <c>X-Organisation</c> act.</summary>
    public string[] Organisations { get; set; } = ["ACME"];

    /// <summary>The permissions of the key's user in its organisations, as <c>GET /user/current</c> lists them.</summary>
    public string[] Permissions { get; set; } = ["manageAlert/create", "manageAlert/update", "manageCase/create"];

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    /// <summary>The alerts, by _id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Alerts => _alerts;

    public JsonObject AlertOf(string sourceRef) => _alerts.Values.Single(a => (string?)a["sourceRef"] == sourceRef);

    /// <summary>The alert's observables, as data type and data, in the order they were added.</summary>
    public IReadOnlyList<(string DataType, string Data)> ObservablesOf(string sourceRef) =>
        ((JsonArray)AlertOf(sourceRef)["observables"]!).Select(o => ((string)o!["dataType"]!, (string)o["data"]!)).ToList();

    /// <summary>What an analyst adding an observable to the alert in TheHive's UI does.</summary>
    public JsonObject AddObservableAsAnalyst(string sourceRef, string dataType, string data, string message)
    {
        var alert = AlertOf(sourceRef);
        var observable = Observable(dataType, data, message, ioc: true, createdBy: "analyst@example.org");
        ((JsonArray)alert["observables"]!).Add(observable);
        alert["observableCount"] = ((JsonArray)alert["observables"]!).Count;
        return observable;
    }

    /// <summary>The alert's observable of that data type and data, to change as an analyst would.</summary>
    public JsonObject ObservableOf(string sourceRef, string dataType, string data) =>
        ((JsonArray)AlertOf(sourceRef)["observables"]!).OfType<JsonObject>().Single(o => (string?)o["dataType"] == dataType && (string?)o["data"] == data);

    /// <summary>After <paramref name="successes"/> more requests adding observables, the next answers 500 (once), as a TheHive whose database failed mid-way.</summary>
    public void FailObservableAddAfter(int successes) => _addsBeforeFailure = successes;

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
        var organisation = request.Headers.TryGetValue("X-Organisation", out var named) ? named.ToString() : Organisations[0];
        var member = Organisations.Contains(organisation, StringComparer.Ordinal);
        var added = AlertPath(path, Version41 ? "/artifact" : "/observable");
        var (status, answer) = (request.Method, path) switch
        {
            ("POST", "/api/v1/alert") => member ? Create(organisation, body) : (404, Error("NotFoundError", "Organisation not found")),
            ("POST", "/api/v1/query") => Query(organisation, body),
            ("POST", _) when added is not null => AddObservables(organisation, added, body),
            ("PATCH", _) when AlertPath(path, string.Empty) is { } id => member ? Update(organisation, id, body) : (403, Error("AuthorizationError", "Operation not permitted")),
            ("GET", "/api/v1/user/current") => (200, new JsonObject
            {
                ["_id"] = "~41",
                ["login"] = Login,
                ["name"] = "ProxyThreat",
                ["organisation"] = organisation,
                ["permissions"] = new JsonArray((member ? Permissions : []).Select(p => (JsonNode?)p).ToArray()),
            }),
            _ => (404, Error("NotFoundError", $"{request.Method} {path} not found")),
        };
        await AnswerAsync(context, status, answer);
    }

    /// <summary>The alert id of <c>/api/v1/alert/{id}{suffix}</c>; null for another path.</summary>
    private static string? AlertPath(string path, string suffix)
    {
        const string Prefix = "/api/v1/alert/";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal) || path.Length <= Prefix.Length + suffix.Length)
        {
            return null;
        }

        var id = path[Prefix.Length..^suffix.Length];
        return id.Contains('/', StringComparison.Ordinal) ? null : Uri.UnescapeDataString(id);
    }

    /// <summary>The alert of that id in the organisation; an alert of another organisation is not visible.</summary>
    private JsonObject? Visible(string organisation, string id) =>
        _alerts.TryGetValue(id, out var alert) && (string?)alert["_organisation"] == organisation ? alert : null;

    private (int, JsonNode?) Create(string organisation, string body)
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
            if (_alerts.Values.Any(a => (string?)a["_organisation"] == organisation && (string?)a["type"] == type && (string?)a["source"] == source && (string?)a["sourceRef"] == sourceRef))
            {
                return (400, Error("CreateError", $"Alert {type}:{source}:{sourceRef} already exist in organisation {organisation}"));
            }

            var id = "~" + Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
            var alert = new JsonObject
            {
                ["_id"] = id,
                ["_organisation"] = organisation,
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
                ["observables"] = new JsonArray(Version41 || input["observables"] is not JsonArray given ? [] : given.OfType<JsonObject>().Select(Observable).ToArray()),
                ["observableCount"] = Version41 ? 0 : (input["observables"] as JsonArray)?.Count ?? 0,
                ["extraData"] = new JsonObject(),
            };
            _alerts[id] = alert;
            return (201, Output(alert));
        }
    }

    private (int, JsonNode?) Query(string organisation, string body)
    {
        if (JsonNode.Parse(body)?["query"] is not JsonArray steps || steps.Count == 0)
        {
            return (400, Error("BadRequest", "the query has no step"));
        }

        if ((string?)steps[0]?["_name"] == "getAlert")
        {
            // An alert that is not there or not visible makes an empty traversal, so an empty list.
            if (steps.Count != 2 || (string?)steps[1]?["_name"] != "observables")
            {
                return (400, Error("BadRequest", "after getAlert, this stand-in serves only the observables step"));
            }

            var alert = Visible(organisation, (string?)steps[0]?["idOrName"] ?? string.Empty);
            lock (_alerts)
            {
                return (200, new JsonArray((alert?["observables"] as JsonArray ?? []).Select(o => o?.DeepClone()).ToArray()));
            }
        }

        if ((string?)steps[0]?["_name"] != "listAlert")
        {
            return (400, Error("BadRequest", "the query must start with listAlert or getAlert"));
        }

        IEnumerable<JsonObject> found = _alerts.Values.Where(a => (string?)a["_organisation"] == organisation).OrderBy(a => (string?)a["_id"], StringComparer.Ordinal);
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

    /// <summary>
    /// "Create observable in alert" (5) or "create artifact in alert" (4.1): <c>data</c> is one value or an array of
    /// them, one observable each. An alert not visible is 404 <c>NotFoundError</c> in 5, and 403
    /// <c>AuthorizationError</c> in 4.1 (its ObservableCtrl checks the manageAlert permission on the alert).
    /// </summary>
    private (int, JsonNode?) AddObservables(string organisation, string id, string body)
    {
        if (Visible(organisation, id) is not { } alert)
        {
            return Version41 ? (403, Error("AuthorizationError", "Operation not permitted")) : (404, Error("NotFoundError", $"Alert {id} not found"));
        }

        if (JsonNode.Parse(body) is not JsonObject input || input["dataType"] is not JsonValue dataType || input["data"] is null)
        {
            return (400, Error("AttributeCheckingError", "[Attribute dataType is missing]"));
        }

        if (_addsBeforeFailure >= 0 && Interlocked.Decrement(ref _addsBeforeFailure) < 0)
        {
            return (500, Error("InternalError", "Database is unavailable"));
        }

        var values = input["data"] is JsonArray many ? many.Select(v => (string)v!).ToList() : [(string)input["data"]!];
        var (created, refused) = (new JsonArray(), new JsonArray());
        lock (_alerts)
        {
            var observables = (JsonArray)alert["observables"]!;
            foreach (var value in values)
            {
                if (observables.Any(o => (string?)o!["dataType"] == (string)dataType! && (string?)o["data"] == value))
                {
                    var failure = Error("CreateError", "Observable already exists");
                    failure["object"] = new JsonObject { ["data"] = value };
                    refused.Add(failure);
                    continue;
                }

                var observable = Observable(new JsonObject { ["dataType"] = (string)dataType!, ["data"] = value, ["message"] = input["message"]?.DeepClone(), ["ioc"] = input["ioc"]?.DeepClone() });
                observables.Add(observable);
                created.Add(observable.DeepClone());
            }

            alert["observableCount"] = observables.Count;
        }

        return refused.Count == 0 ? (201, created) : (207, new JsonObject { ["success"] = created, ["failure"] = refused });
    }

    private (int, JsonNode?) Update(string organisation, string id, string body)
    {
        if (Visible(organisation, id) is not { } alert)
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

    /// <summary>An alert as the API outputs it: the observables are not part of it, only their count; 4.1's has neither status nor stage.</summary>
    private JsonObject Output(JsonObject alert)
    {
        var output = alert.DeepClone().AsObject();
        output.Remove("observables");
        output.Remove("_organisation");
        if (Version41)
        {
            output.Remove("status");
            output.Remove("stage");
        }

        return output;
    }

    private JsonObject Observable(JsonObject input) =>
        Observable((string)input["dataType"]!, (string)input["data"]!, (string?)input["message"], (bool?)input["ioc"] ?? false, Login);

    /// <summary>An observable as the API outputs it.</summary>
    private JsonObject Observable(string dataType, string data, string? message, bool ioc, string createdBy) => new()
    {
        ["_id"] = "~" + Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture),
        ["_type"] = "Observable",
        ["_createdBy"] = createdBy,
        ["_createdAt"] = 1_700_000_000_000,
        ["dataType"] = dataType,
        ["data"] = data,
        ["startDate"] = 1_700_000_000_000,
        ["tlp"] = 2,
        ["pap"] = 2,
        ["tags"] = new JsonArray(),
        ["ioc"] = ioc,
        ["sighted"] = false,
        ["reports"] = new JsonObject(),
        ["message"] = message,
        ["extraData"] = new JsonObject(),
        ["ignoreSimilarity"] = false,
    };

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
