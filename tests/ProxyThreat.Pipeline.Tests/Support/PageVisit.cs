using System.Text.Json;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>One page loaded in <see cref="HeadlessChromium"/>, and what it caused.</summary>
internal sealed class PageVisit
{
    private readonly HeadlessChromium _browser;
    private readonly string _session;

    public PageVisit(HeadlessChromium browser, string session, string url)
    {
        _browser = browser;
        _session = session;
        Url = url;
    }

    public string Url { get; }

    public TimeSpan LoadTime { get; set; }

    /// <summary>Every request the page made, its own document included.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Failed loads, console errors and warnings, uncaught exceptions and browser log warnings and errors (CSP violations among them).</summary>
    public List<string> Problems { get; } = [];

    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await _browser.SendAsync("Runtime.evaluate", new { expression, returnByValue = true }, _session, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"{expression} threw: {exception}");
        }

        // Events arrive in order before the answer: take every one the page caused so far.
        while (_browser.TryTakeEvent(out var e))
        {
            Record(e!);
        }

        return result.GetProperty("result").GetProperty("value").Clone();
    }

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var shot = await _browser.SendAsync("Page.captureScreenshot", new { format = "png" }, _session, cancellationToken);
        return Convert.FromBase64String(shot.GetProperty("data").GetString()!);
    }

    internal async Task CollectUntilAsync(string method, CancellationToken cancellationToken)
    {
        while (true)
        {
            var e = await _browser.NextEventAsync(cancellationToken);
            Record(e);
            if (e.Session == _session && e.Method == method)
            {
                return;
            }
        }
    }

    private void Record(HeadlessChromium.Event e)
    {
        if (e.Session != _session)
        {
            return;
        }

        switch (e.Method)
        {
            case "Network.requestWillBeSent":
                Requests.Add(e.Params.GetProperty("request").GetProperty("url").GetString()!);
                break;
            case "Network.loadingFailed":
                Problems.Add($"load failed: {e.Params.GetProperty("errorText").GetString()}");
                break;
            case "Runtime.exceptionThrown":
                Problems.Add($"exception: {e.Params.GetProperty("exceptionDetails")}");
                break;
            case "Runtime.consoleAPICalled" when e.Params.GetProperty("type").GetString() is "error" or "warning" or "assert":
                Problems.Add($"console {e.Params.GetProperty("type").GetString()}: {e.Params.GetProperty("args")}");
                break;
            case "Log.entryAdded" when e.Params.GetProperty("entry").GetProperty("level").GetString() is "error" or "warning":
                Problems.Add($"log {e.Params.GetProperty("entry").GetProperty("level").GetString()}: {e.Params.GetProperty("entry").GetProperty("text").GetString()}");
                break;
        }
    }
}
