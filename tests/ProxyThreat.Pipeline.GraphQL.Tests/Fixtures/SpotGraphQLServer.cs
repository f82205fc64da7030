using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>
/// A real GraphQL server on loopback (Kestrel, graphql-dotnet) speaking Spot's proxy API from its SDL, with
/// resolvers reading Spot's tables from a folder. It records every request, validates each against the
/// schema, and can be told to misbehave (<see cref="Fault"/>) on chosen requests.
/// </summary>
public sealed class SpotGraphQLServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly ISchema _schema;
    private readonly GraphQLSerializer _serializer = new();
    private readonly DocumentExecuter _executer = new();
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private int _faultsLeft;

    private SpotGraphQLServer(ISchema schema)
    {
        _schema = schema;
    }

    /// <summary>The <c>/graphql</c> URL to send requests to.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    /// <summary>The fault to play on chosen requests; <see cref="ServerFault.None"/> answers normally.</summary>
    public ServerFault Fault { get; set; }

    /// <summary>How many chosen requests get the fault before the server answers normally again (default: all).</summary>
    public int FaultTimes
    {
        get => Volatile.Read(ref _faultsLeft);
        set => Volatile.Write(ref _faultsLeft, value);
    }

    /// <summary>Which requests are chosen for the fault (default: every one).</summary>
    public Func<CapturedRequest, bool> FaultWhen { get; set; } = _ => true;

    /// <summary>When set, chooses a fault for every request that <see cref="Fault"/> does not take (for soak tests).</summary>
    public Func<CapturedRequest, ServerFault>? FaultFor { get; set; }

    /// <summary>How long <see cref="ServerFault.Slow"/> waits.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="ServerFault.CutMidBody"/> waits after the first half before cutting.</summary>
    public TimeSpan CutDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>When set, handles every request instead of the GraphQL executor (for raw, hand-written answers).</summary>
    public Func<HttpContext, Task>? Override { get; set; }

    /// <summary>Starts a server on 127.0.0.1, on a free port; with a certificate, over HTTPS.</summary>
    public static async Task<SpotGraphQLServer> StartAsync(IHdfs tables, SpotLayout layout, X509Certificate2? certificate = null)
    {
        var server = new SpotGraphQLServer(SpotSchema.Build(tables, layout)) { FaultTimes = int.MaxValue };
        (server._app, var address) = await LoopbackServer.StartAsync(a => a.MapPost("/graphql", server.HandleAsync), certificate);
        server.Endpoint = new Uri(address, "/graphql");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (Override is { } handler)
        {
            await handler(http);
            return;
        }

        var abort = http.RequestAborted;
        string body;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(abort);
        }

        var request = _serializer.Deserialize<global::GraphQL.Transport.GraphQLRequest>(body)!;
        var result = await _executer.ExecuteAsync(o =>
        {
            o.Schema = _schema;
            o.Query = request.Query;
            o.Variables = request.Variables;
            o.CancellationToken = abort;
        });
        var captured = new CapturedRequest(
            body,
            request.Query,
            (request.Variables ?? Inputs.Empty).ToDictionary(v => v.Key, v => v.Value?.ToString()),
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            result.Errors?.OfType<ValidationError>().Select(e => e.Message).ToList() ?? []);
        _requests.Enqueue(captured);

        var fault = Fault != ServerFault.None && FaultWhen(captured) && Interlocked.Decrement(ref _faultsLeft) >= 0 ? Fault : FaultFor?.Invoke(captured) ?? ServerFault.None;
        var answer = Encoding.UTF8.GetBytes(_serializer.Serialize(result));
        switch (fault)
        {
            case ServerFault.Status500:
                await WriteAsync(http, 500, "text/plain", "Impala daemon unreachable: connection refused");
                break;
            case ServerFault.Status400:
                await WriteAsync(http, 400, "application/json", """{"errors":[{"message":"Request rejected by the gateway"}]}""");
                break;
            case ServerFault.Slow:
                await Task.Delay(SlowDelay, TimeProvider.System, abort);
                await WriteAsync(http, 200, "application/json", answer);
                break;
            case ServerFault.CutMidBody:
                http.Response.ContentType = "application/json";
                await http.Response.Body.WriteAsync(answer.AsMemory(0, answer.Length / 2), abort);
                await http.Response.Body.FlushAsync(abort);

                // Let the client take the status and the first half before the reset, which would drop them.
                await Task.Delay(CutDelay, TimeProvider.System, abort);
                http.Abort();
                break;
            case ServerFault.TruncatedBody:
                await WriteAsync(http, 200, "application/json", answer.AsMemory(0, answer.Length / 2).ToArray());
                break;
            case ServerFault.MalformedBody:
                await WriteAsync(http, 200, "text/html", "<html><body>502 Bad Gateway</body></html>");
                break;
            case ServerFault.NullProxy:
                await WriteAsync(http, 200, "application/json", """{"data":{"proxy":null}}""");
                break;
            case ServerFault.GraphQLError:
                await WriteAsync(http, 200, "application/json",
                    """{"errors":[{"message":"AnalysisException: Could not resolve table reference: 'spotdb.proxy'","path":["proxy"]}],"data":null}""");
                break;
            case ServerFault.ErrorsAfterData:
                var text = Encoding.UTF8.GetString(answer).TrimEnd();
                await WriteAsync(http, 200, "application/json",
                    text[..^1] + ""","errors":[{"message":"ImpalaRuntimeException: scan cancelled after 2 rows"}]}""");
                break;
            default:
                await WriteAsync(http, 200, "application/json", answer);
                break;
        }
    }

    private static Task WriteAsync(HttpContext http, int status, string contentType, string body) =>
        WriteAsync(http, status, contentType, Encoding.UTF8.GetBytes(body));

    private static async Task WriteAsync(HttpContext http, int status, string contentType, byte[] body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
