using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, with the network denied (every host name fails to resolve, every request goes
/// to a closed proxy port), driven over the DevTools protocol: it loads a page and records every request,
/// console message, log entry and exception the page causes.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    // The flags that work on this kind of machine, plus the two that deny the network.
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        "--window-size=1280,1000", "--hide-scrollbars", "--remote-debugging-port=0",
    ];

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly Process _process;
    private readonly ClientWebSocket _socket;
    private readonly string _profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>();
    private readonly Task _receiving;
    private int _nextId;

    private HeadlessChromium(Process process, ClientWebSocket socket, string profile)
    {
        _process = process;
        _socket = socket;
        _profile = profile;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Debian's Chromium, where it is installed.</summary>
    public static string? Executable { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public static async Task<HeadlessChromium> StartAsync(string executable, CancellationToken cancellationToken)
    {
        var profile = Path.Join(Path.GetTempPath(), "proxythreat-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var flag in Flags)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add($"--user-data-dir={profile}");
        start.ArgumentList.Add("about:blank");
        var process = Process.Start(start)!;
        try
        {
            // Chromium announces its DevTools endpoint on standard error; the rest of what it says is drained.
            string? endpoint = null;
            var said = new StringBuilder();
            while (endpoint is null && await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
            {
                said.AppendLine(line);
                endpoint = line.StartsWith("DevTools listening on ", StringComparison.Ordinal) ? line["DevTools listening on ".Length..] : null;
            }

            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            if (endpoint is null)
            {
                throw new InvalidOperationException($"chromium exited without a DevTools endpoint: {said}");
            }

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri(endpoint), cancellationToken);
            return new HeadlessChromium(process, socket, profile);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Opens a new tab on the page and waits for its load event; everything the page caused until then is recorded.</summary>
    public async Task<PageVisit> VisitAsync(string url, CancellationToken cancellationToken)
    {
        var target = await SendAsync("Target.createTarget", new { url = "about:blank" }, null, cancellationToken);
        var attached = await SendAsync("Target.attachToTarget", new { targetId = target.GetProperty("targetId").GetString(), flatten = true }, null, cancellationToken);
        var session = attached.GetProperty("sessionId").GetString()!;
        foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" })
        {
            await SendAsync($"{domain}.enable", null, session, cancellationToken);
        }

        await SendAsync("Network.emulateNetworkConditions", new { offline = true, latency = 0, downloadThroughput = -1, uploadThroughput = -1 }, session, cancellationToken);
        var visit = new PageVisit(this, session, url);
        var started = Stopwatch.GetTimestamp();
        await SendAsync("Page.navigate", new { url }, session, cancellationToken);
        await visit.CollectUntilAsync("Page.loadEventFired", cancellationToken);
        visit.LoadTime = Stopwatch.GetElapsedTime(started);
        return visit;
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters, string? session, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { }, sessionId = session }, WithoutNulls);
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        return await answer.Task.WaitAsync(CallTimeout, cancellationToken);
    }

    internal ValueTask<Event> NextEventAsync(CancellationToken cancellationToken) => _events.Reader.ReadAsync(cancellationToken);

    internal bool TryTakeEvent(out Event? e)
    {
        var taken = _events.Reader.TryRead(out var read);
        e = read;
        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await SendAsync("Browser.close", null, null, closing.Token);
            await _process.WaitForExitAsync(closing.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or WebSocketException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _socket.Dispose();
        await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file Chromium still held as it went; the temp folder is cleaned by the system.
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                using (var json = JsonDocument.Parse(message.ToArray()))
                {
                    Dispatch(json.RootElement);
                }

                message.SetLength(0);
            }
        }
        catch (WebSocketException)
        {
            // The browser went away: every call still waiting fails below.
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("chromium closed the DevTools connection"));
        }

        _events.Writer.TryComplete();
    }

    private void Dispatch(JsonElement root)
    {
        if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var answer))
        {
            if (root.TryGetProperty("error", out var error))
            {
                answer.TrySetException(new InvalidOperationException($"DevTools error: {error}"));
            }
            else
            {
                answer.TrySetResult(root.GetProperty("result").Clone());
            }
        }
        else if (root.TryGetProperty("method", out var method))
        {
            _events.Writer.TryWrite(new Event(
                method.GetString()!,
                root.TryGetProperty("sessionId", out var session) ? session.GetString() : null,
                root.TryGetProperty("params", out var parameters) ? parameters.Clone() : default));
        }
    }

    internal sealed record Event(string Method, string? Session, JsonElement Params);
}
