using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProxyThreat.Pipeline.Notify.Internal;

namespace ProxyThreat.Pipeline.Notify;

/// <summary>
/// TheHive (4.1 or 5) through its REST API, with the API key as <c>Authorization: Bearer</c> and the configured
/// organisation, if any, as <c>X-Organisation</c>. A threat's alert is created once; TheHive refuses a second alert
/// with the same type, source and sourceRef, and then the existing one is found through the query API and updated,
/// unless it was imported into a case, where it is left alone. The alert's observables go with it (TheHive 5), or
/// after it where TheHive created none (4.1); an update adds those the alert lacks, read from TheHive first.
/// </summary>
public sealed class TheHiveReceiver : INotifyReceiver
{
    private const string Json = "application/json";

    private readonly Uri _base;
    private readonly string _apiKey;
    private readonly string _source;
    private readonly string? _organisation;
    private readonly NotifyHttp _http;

    public TheHiveReceiver(TheHiveOptions options, TimeSpan timeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = options.Url ?? throw new ArgumentException("TheHive's URL is not set", nameof(options));
        _base = new Uri(url.AbsoluteUri.EndsWith('/') ? url.AbsoluteUri : url.AbsoluteUri + "/");
        _apiKey = options.ApiKey ?? throw new ArgumentException("TheHive's API key is not set", nameof(options));
        _source = options.Source;
        _organisation = string.IsNullOrEmpty(options.Organisation) ? null : options.Organisation.Trim();
        Id = DocumentHash.Id("thehive", _base);
        Name = $"TheHive {_base.Authority}";
        _http = new NotifyHttp(Name, options.CaBundlePath, $"{NotifyOptions.Section}:TheHive:CaBundlePath", timeout, time);
    }

    public string Id { get; }

    public string Name { get; }

    public string Document(WrittenThreat threat) => TheHiveAlert.Of(threat, _source).ToJsonString();

    public async Task<Delivered> DeliverAsync(string document, CancellationToken cancellationToken)
    {
        var alert = JsonNode.Parse(document)!.AsObject();
        var (status, body) = await _http.SendAsync(() => Request(HttpMethod.Post, "api/v1/alert", document), cancellationToken);
        if (status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            var created = JsonNode.Parse(body);
            var id = IdOf(created);
            if (created?["observableCount"] is JsonValue count && (long)count == 0 && alert["observables"] is JsonArray { Count: > 0 } observables)
            {
                await AddObservablesAsync(id, ObservablesRoute(created), [.. observables.OfType<JsonObject>()], cancellationToken);
            }

            return new Delivered($"created alert {id}");
        }

        if (status != HttpStatusCode.BadRequest || ErrorType(body) != "CreateError")
        {
            throw Refused("POST /api/v1/alert", status, body);
        }

        // The alert exists (an earlier run, or one whose answer was lost): find it and bring it up to date.
        var sourceRef = (string)alert["sourceRef"]!;
        var existing = await FindAsync(sourceRef, cancellationToken)
            ?? throw new NotifyException(Name, $"refused the alert {sourceRef} as a duplicate{InOrganisation}, but its query API finds no such alert", null);
        var existingId = IdOf(existing);
        if (ImportedInto(existing) is { } imported)
        {
            return new Delivered($"alert {existingId} ({sourceRef}) was imported into {imported}, so it is left alone", LeftAlone: true);
        }

        var added = await AddMissingObservablesAsync(existing, alert, cancellationToken);
        var update = TheHiveAlert.Update(alert).ToJsonString();
        (status, body) = await _http.SendAsync(() => Request(HttpMethod.Patch, $"api/v1/alert/{Uri.EscapeDataString(existingId)}", update), cancellationToken);
        if ((int)status is < 200 or >= 300)
        {
            throw Refused($"PATCH /api/v1/alert/{existingId}", status, body);
        }

        return new Delivered(added == 0
            ? $"updated alert {existingId}"
            : string.Create(CultureInfo.InvariantCulture, $"updated alert {existingId}, adding the {added} observables it lacked"));
    }

    public async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await _http.SendAsync(() => Request(HttpMethod.Get, "api/v1/user/current", null), cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw Refused("GET /api/v1/user/current", status, body);
        }

        var user = JsonNode.Parse(body);
        var login = (string?)user?["login"] ?? "?";
        var current = user?["organisation"] is JsonValue org ? (string?)org : null;
        var organisation = current is null ? string.Empty : $" of organisation {current}";
        if (_organisation is not null && current is not null && !string.Equals(current, _organisation, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotifyException(Name, $"answered as organisation {current}, not {_organisation} (Notify:TheHive:Organisation)", null);
        }

        if (user?["permissions"] is JsonArray permissions
            && !permissions.Any(p => p is JsonValue v && ((string?)v)?.StartsWith("manageAlert", StringComparison.Ordinal) == true))
        {
            throw new NotifyException(Name, $"the API key's user {login}{organisation} may not create alerts (it lacks the manageAlert permission)", null);
        }

        return $"{Name} accepts the API key: user {login}{organisation}";
    }

    /// <summary>
    /// Adds the observables of <paramref name="alert"/> that the existing alert lacks, compared by data type and data
    /// with those TheHive lists now (analysts may have added, changed or removed some): only adds, never changes or
    /// removes one. Returns how many were added.
    /// </summary>
    private async Task<int> AddMissingObservablesAsync(JsonNode existing, JsonObject alert, CancellationToken cancellationToken)
    {
        if (alert["observables"] is not JsonArray { Count: > 0 } wanted)
        {
            return 0;
        }

        var id = IdOf(existing);
        var present = await ObservablesOfAsync(id, cancellationToken);
        var missing = wanted.OfType<JsonObject>().Where(o => !present.Contains(((string)o["dataType"]!, (string)o["data"]!))).ToList();
        if (missing.Count > 0)
        {
            await AddObservablesAsync(id, ObservablesRoute(existing), missing, cancellationToken);
        }

        return missing.Count;
    }

    /// <summary>An alert's observables as data type and data, through the query API (<c>getAlert</c>, then <c>observables</c>).</summary>
    private async Task<HashSet<(string, string)>> ObservablesOfAsync(string id, CancellationToken cancellationToken)
    {
        var query = new JsonObject
        {
            ["query"] = new JsonArray(
                new JsonObject { ["_name"] = "getAlert", ["idOrName"] = id },
                new JsonObject { ["_name"] = "observables" }),
        }.ToJsonString();
        var (status, body) = await _http.SendAsync(() => Request(HttpMethod.Post, "api/v1/query?name=proxythreat-alert-observables", query), cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw Refused("POST /api/v1/query (the alert's observables)", status, body);
        }

        var listed = JsonNode.Parse(body) as JsonArray ?? throw new JsonException($"TheHive listed the observables of alert {id} as something other than an array");
        return [.. listed.OfType<JsonObject>()
            .Where(o => o["dataType"] is JsonValue && o["data"] is JsonValue)
            .Select(o => ((string)o["dataType"]!, (string)o["data"]!))];
    }

    /// <summary>
    /// Adds observables to an alert, one request per data type (and IOC flag), <c>data</c> holding every value. TheHive 5
    /// takes them at <c>/observable</c>, 4.1 at <c>/artifact</c>; either answers 201, or 207 listing the values it refused
    /// beside those it took, where one already there (<c>CreateError</c>) is no failure.
    /// </summary>
    private async Task AddObservablesAsync(string id, string route, IReadOnlyList<JsonObject> observables, CancellationToken cancellationToken)
    {
        var path = $"api/v1/alert/{Uri.EscapeDataString(id)}/{route}";
        foreach (var kind in observables.GroupBy(o => ((string)o["dataType"]!, (bool)o["ioc"]!)))
        {
            var values = kind.ToList();
            var input = new JsonObject
            {
                ["dataType"] = kind.Key.Item1,
                ["data"] = new JsonArray(values.Select(o => o["data"]!.DeepClone()).ToArray()),
                ["message"] = values.Count == 1 ? (string?)values[0]["message"] : ObservableGroup(kind.Key.Item1),
                ["ioc"] = kind.Key.Item2,
            }.ToJsonString();
            var (status, body) = await _http.SendAsync(() => Request(HttpMethod.Post, path, input), cancellationToken);
            if ((int)status is < 200 or >= 300 || (status == HttpStatusCode.MultiStatus && !OnlyDuplicatesRefused(body)))
            {
                throw Refused($"POST /{path}", status, body);
            }
        }
    }

    /// <summary>TheHive 5's alerts have a <c>stage</c>; 4.1's do not, and 4.1 has no <c>/observable</c> route for alerts.</summary>
    private static string ObservablesRoute(JsonNode? alert) => alert?["stage"] is JsonValue ? "observable" : "artifact";

    private static bool OnlyDuplicatesRefused(string body) =>
        Parse(body)?["failure"] is JsonArray failures && failures.All(f => (string?)f?["type"] == "CreateError");

    private static string ObservableGroup(string dataType) => dataType == "ip"
        ? "clients of the threat (their requests are in the alert's description)"
        : "pages that sent users to the threat (their requests are in the alert's description)";

    /// <summary>The alert of a sourceRef, through the query API (<c>listAlert</c>, filtered on type, source and sourceRef).</summary>
    private async Task<JsonNode?> FindAsync(string sourceRef, CancellationToken cancellationToken)
    {
        JsonObject Equal(string field, string value) => new() { ["_eq"] = new JsonObject { ["_field"] = field, ["_value"] = value } };
        var query = new JsonObject
        {
            ["query"] = new JsonArray(
                new JsonObject { ["_name"] = "listAlert" },
                new JsonObject
                {
                    ["_name"] = "filter",
                    ["_and"] = new JsonArray(Equal("type", NotifyDefaults.AlertType), Equal("source", _source), Equal("sourceRef", sourceRef)),
                }),
        }.ToJsonString();
        var (status, body) = await _http.SendAsync(() => Request(HttpMethod.Post, "api/v1/query?name=proxythreat-alert", query), cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw Refused("POST /api/v1/query", status, body);
        }

        return JsonNode.Parse(body) is JsonArray { Count: > 0 } found ? found[0] : null;
    }

    /// <summary>The case an alert was turned into (4.1 and 5 give its caseId; 4.1 also the status, 5 the stage); null if none.</summary>
    private static string? ImportedInto(JsonNode alert)
    {
        if (alert["caseId"] is JsonValue caseId && (string?)caseId is { Length: > 0 } id)
        {
            return $"case {id}";
        }

        return (string?)alert["status"] == "Imported" || (string?)alert["stage"] == "Imported" ? "a case" : null;
    }

    private static string IdOf(JsonNode? alert) =>
        alert?["_id"] is JsonValue id && (string?)id is { Length: > 0 } value
            ? value
            : throw new JsonException("TheHive's answer holds no alert _id");

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, new Uri(_base, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Json));
        if (_organisation is not null)
        {
            request.Headers.Add("X-Organisation", _organisation);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, Json);
        }

        return request;
    }

    /// <summary>TheHive's error answers are <c>{"type": ..., "message": ...}</c>; the message quotes them.</summary>
    private NotifyException Refused(string call, HttpStatusCode status, string body)
    {
        var code = (int)status;
        var said = ErrorType(body) is { } type ? $"{type}: {(string?)Parse(body)?["message"]}" : NotifyHttp.Quote(body);
        var what = status switch
        {
            HttpStatusCode.Unauthorized => $"refused the API key (Notify:TheHive:ApiKey){InOrganisation}",
            HttpStatusCode.Forbidden => $"does not let the API key's user do this{InOrganisation}",
            _ => $"answered {call}{InOrganisation} with {code.ToString(CultureInfo.InvariantCulture)}",
        };
        return new NotifyException(Name, $"{what}: {code.ToString(CultureInfo.InvariantCulture)} {said}".TrimEnd(' ', ':'), code);
    }

    /// <summary>Where the configured organisation was asked for, for messages: TheHive's refusals rarely name it.</summary>
    private string InOrganisation => _organisation is null ? string.Empty : $" in organisation {_organisation} (Notify:TheHive:Organisation)";

    private static string? ErrorType(string body) => Parse(body) is JsonObject error && error["type"] is JsonValue type ? (string?)type : null;

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
