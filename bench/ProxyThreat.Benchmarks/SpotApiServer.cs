using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ProxyThreat.Benchmarks;

/// <summary>
/// Spot's GraphQL API on loopback as far as an investigation reads it, answering from bytes made beforehand so
/// the server costs next to nothing: each date has one threat, <see cref="DetailsAnswer.Uri"/>, whose expanded
/// search is that date's answer.
/// </summary>
internal sealed class SpotApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SpotApiServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<SpotApiServer> StartAsync(IReadOnlyDictionary<string, byte[]> answersByDate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/graphql", async http =>
        {
            using var request = await JsonDocument.ParseAsync(http.Request.Body);
            var answer = Answer(request, answersByDate);
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = answer.Length;
            await http.Response.Body.WriteAsync(answer, http.RequestAborted);
        });
        await app.StartAsync();
        return new SpotApiServer(app, new Uri(app.Urls.First() + "/graphql"));
    }

    /// <summary>The answer to a request: the date's expanded search, no comments, or the date's one threat.</summary>
    public static byte[] Answer(JsonDocument request, IReadOnlyDictionary<string, byte[]> answersByDate)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answersByDate);
        var query = request.RootElement.GetProperty("query").GetString()!;
        var date = request.RootElement.GetProperty("variables").GetProperty("date").GetString()!;
        return query.Contains("details(", StringComparison.Ordinal) ? answersByDate[date]
            : query.Contains("comments(", StringComparison.Ordinal) ? """{"data":{"proxy":{"threats":{"comments":[]}}}}"""u8.ToArray()
            : JsonSerializer.SerializeToUtf8Bytes(new { data = new { proxy = new { threats = new { list = new[] { new { datetime = date, uri = DetailsAnswer.Uri, score = 1 } } } } } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
