using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProxyThreat.EndToEnd.Tests.Notify.Fixtures;

/// <summary>
/// A webhook receiver on loopback, as a chat relay or SOAR endpoint is: it takes POSTs of JSON at its path, answers
/// <see cref="Status"/>, and answers anything else 405, as a POST-only route does.
/// </summary>
internal sealed class WebhookStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly SemaphoreSlim _posted = new(0);

    private WebhookStandIn(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The POSTs received, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Posts => _requests.Where(r => r.Method == "POST").ToList();

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    /// <summary>What a POST is answered.</summary>
    public int Status { get; set; } = StatusCodes.Status202Accepted;

    /// <summary>Starts on the port (0: a free one), receiving at <paramref name="path"/>.</summary>
    public static async Task<WebhookStandIn> StartAsync(int port = 0, string path = "/hooks/proxythreat")
    {
        var app = LoopbackServer.Create(port);
        WebhookStandIn? standIn = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            standIn!._requests.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                body));
            if (context.Request.Method == "POST")
            {
                standIn._posted.Release();
            }

            context.Response.StatusCode = context.Request.Path != path ? StatusCodes.Status404NotFound
                : context.Request.Method != "POST" ? StatusCodes.Status405MethodNotAllowed
                : standIn.Status;
        });
        await app.StartAsync();
        standIn = new WebhookStandIn(app, new Uri($"http://127.0.0.1:{LoopbackServer.Address(app).Port}{path}"));
        return standIn;
    }

    /// <summary>Waits until <paramref name="count"/> more POSTs have come, at most 30 s.</summary>
    public async Task WaitForPostsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _posted.WaitAsync(TimeSpan.FromSeconds(30)), $"only {i} of {count} POSTs came within 30 s");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _posted.Dispose();
    }
}
