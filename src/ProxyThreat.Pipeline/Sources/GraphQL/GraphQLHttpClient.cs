using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Resilience;
using ProxyThreat.Pipeline.Sources.GraphQL.Internal;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>
/// A thin GraphQL-over-HTTP client: POSTs <c>{"query", "variables"}</c> as JSON and reads the answer's
/// <c>data</c> and <c>errors</c> as a stream. Transport failures, timeouts and 5xx answers are retried with
/// jittered exponential backoff; GraphQL errors and 4xx answers are not. Every failure is a
/// <see cref="GraphQLException"/>; cancellation by the caller stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class GraphQLHttpClient
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int MaxQuotedBodyChars = 500;

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly GraphQLSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GraphQLHttpClient> _logger;
    private readonly Uri _endpoint;
    private readonly Uri _safeEndpoint;
    private readonly RetryPolicy _retry;

    /// <summary>The endpoint, without any user information, as messages name it.</summary>
    public Uri Endpoint => _safeEndpoint;

    /// <param name="httpClient">Best built on <see cref="Tls.HttpHandlers.Create"/>; its own timeout is switched off, as this client keeps <see cref="GraphQLSourceOptions.Timeout"/> itself.</param>
    public GraphQLHttpClient(HttpClient httpClient, IOptions<GraphQLSourceOptions> options, TimeProvider timeProvider, ILogger<GraphQLHttpClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        _endpoint = _options.Endpoint is { IsAbsoluteUri: true } endpoint
            ? endpoint
            : throw new InvalidOperationException($"{GraphQLSourceOptions.Section}:Endpoint must be an absolute http or https URL");
        _safeEndpoint = new UriBuilder(_endpoint) { UserName = string.Empty, Password = string.Empty }.Uri;
        var attempts = _options.Retries + 1;
        _retry = new RetryPolicy(
            new RetrySettings(_options.Retries, _options.RetryBaseDelay, _options.MaxRetryDelay, _options.RetryBudget, $"{GraphQLSourceOptions.Section}:RetryBudget"),
            e => e is GraphQLException { IsTransient: true },
            (attempt, delay, e) => Log.GraphQLRetrying(_logger, ((GraphQLException)e).Operation, _safeEndpoint, attempt, attempts, delay, e.Message),
            timeProvider);
    }

    /// <summary>
    /// Sends the request and reads the list at <paramref name="listPath"/> under <c>data</c> (e.g.
    /// <c>proxy, threats, list</c>), element by element. A null element is left out; a null or absent list, or
    /// anything on the way to it, is a failure.
    /// </summary>
    public async Task<IReadOnlyList<T>> QueryListAsync<T>(
        GraphQLRequest request, IReadOnlyList<string> listPath, GraphQLRowParser<T?> parseRow, CancellationToken cancellationToken) =>
        (await QueryListAsync(request, listPath, () => new ListSink<T>(parseRow), cancellationToken)).Rows;

    /// <summary>
    /// Sends the request and hands the elements of the list at <paramref name="listPath"/> to a sink as they
    /// arrive; each attempt gets a new sink from <paramref name="newSink"/>, and a failed attempt's sink is disposed.
    /// </summary>
    public async Task<TSink> QueryListAsync<TSink>(
        GraphQLRequest request, IReadOnlyList<string> listPath, Func<TSink> newSink, CancellationToken cancellationToken)
        where TSink : IGraphQLListSink
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(newSink);
        var attempts = 0;
        try
        {
            return await _retry.ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    var started = _time.GetTimestamp();
                    var sink = newSink();
                    try
                    {
                        await AttemptAsync(request, listPath, sink, ct);
                    }
                    catch
                    {
                        // What a failed attempt took is not to be used (a spilled search deletes its file).
                        (sink as IDisposable)?.Dispose();
                        throw;
                    }

                    Log.GraphQLAnswered(_logger, request.Operation, _safeEndpoint, sink.Count, _time.GetElapsedTime(started));
                    return sink;
                },
                (last, gaveUp) => new GraphQLException(
                    request.Operation,
                    _safeEndpoint,
                    last is GraphQLException failed ? $"{gaveUp}; the last attempt: {failed.Detail}" : gaveUp,
                    (last as GraphQLException)?.StatusCode,
                    (last as GraphQLException)?.ServerErrors,
                    last)
                { IsTransient = true },
                cancellationToken);
        }
        catch (GraphQLException ex)
        {
            ex.Attempts = attempts;
            throw;
        }
    }

    /// <summary>
    /// One attempt: elements go to <paramref name="sink"/> as they are read, before the answer is complete. When
    /// it fails, what the sink took is not to be used.
    /// </summary>
    internal async Task AttemptAsync(
        GraphQLRequest request, IReadOnlyList<string> listPath, IGraphQLListSink sink, CancellationToken cancellationToken)
    {
        var operation = request.Operation;
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpStatusCode? status = null;
        BeginningKeepingStream? beginning = null;
        try
        {
            using var message = CreateMessage(request);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            status = response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw await StatusFailureAsync(operation, response, linked.Token);
            }

            // Receiving runs ahead of parsing, on another thread, so the two overlap.
            await using var body = new BeginningKeepingStream(new ReadAheadStream(await response.Content.ReadAsStreamAsync(linked.Token)), MaxQuotedBodyChars);
            beginning = body;
            var answer = await GraphQLResponseReader.ReadListAsync(body, listPath, sink, linked.Token);
            if (answer.Errors.Count > 0)
            {
                throw new GraphQLException(operation, _safeEndpoint, $"the server answered with errors: {Quote(answer.Errors)}", status, answer.Errors);
            }

            if (answer.MissingAt is { } missing)
            {
                throw new GraphQLException(operation, _safeEndpoint, $"the answer has no {missing} (null or absent), so it carries none of the data asked for", status);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // A failure the caller's cancellation caused is that cancellation.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new GraphQLException(
                operation, _safeEndpoint, $"no complete answer within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({GraphQLSourceOptions.Section}:Timeout)", status, innerException: ex)
            { IsTransient = true };
        }
        catch (HttpRequestException ex)
        {
            throw new GraphQLException(operation, _safeEndpoint, $"the request failed: {Describe(ex)}", status, innerException: ex) { IsTransient = true };
        }
        catch (IOException ex)
        {
            throw new GraphQLException(operation, _safeEndpoint, $"the answer was cut off: {Describe(ex)}", status, innerException: ex) { IsTransient = true };
        }
        catch (JsonException ex)
        {
            // A body cut short or replaced by a proxy or a crashing server reads so too; the read itself can be tried again.
            var began = beginning?.Beginning is { Length: > 0 } text ? $"; it began \"{Truncate(text)}\"" : string.Empty;
            throw new GraphQLException(operation, _safeEndpoint, $"the answer is not a GraphQL JSON answer: {ex.Message}{began}", status, innerException: ex) { IsTransient = true };
        }
    }

    private HttpRequestMessage CreateMessage(GraphQLRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(Serialize(request)) };
        message.Content.Headers.ContentType = Json;
        message.Headers.Accept.ParseAdd("application/json");
        foreach (var (name, value) in _options.Headers)
        {
            // Validated at start; the value is never echoed, should it be refused here.
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                throw new InvalidOperationException($"{GraphQLSourceOptions.Section}:Headers:{name} cannot be sent as a request header");
            }
        }

        return message;
    }

    private static byte[] Serialize(GraphQLRequest request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", request.Query);
            writer.WriteStartObject("variables");
            foreach (var (name, value) in request.Variables)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task<GraphQLException> StatusFailureAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var transient = (int)status >= 500;
        string body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var bytes = new byte[MaxErrorBodyBytes];
            var length = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
            body = Encoding.UTF8.GetString(bytes, 0, length);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            body = string.Empty;
        }

        var errors = ServerErrorsOf(body);
        var said = errors.Count > 0 ? $" with errors: {Quote(errors)}"
            : body.Length > 0 ? $": \"{Truncate(body.Trim())}\""
            : string.Empty;
        return new GraphQLException(operation, _safeEndpoint, $"the server answered {(int)status} {response.ReasonPhrase}{said}", status, errors) { IsTransient = transient };
    }

    /// <summary>The errors of a GraphQL answer sent with a failure status (as GraphQL over HTTP allows), if it is one.</summary>
    private static IReadOnlyList<string> ServerErrorsOf(string body)
    {
        try
        {
            // At most MaxErrorBodyBytes: small enough to parse whole.
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var errors)
                ? GraphQLResponseReader.MessagesOf(errors)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }


    /// <summary>The messages of an exception and its causes: HttpClient's own message alone rarely says what went wrong.</summary>
    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }

        return string.Join(": ", messages);
    }

    private static string Quote(IEnumerable<string> errors) => string.Join("; ", errors.Select(e => $"\"{Truncate(e)}\""));

    private static string Truncate(string text) => text.Length <= MaxQuotedBodyChars ? text : text[..MaxQuotedBodyChars] + "...";
}
