using System.Text.Json;
using ProxyThreat.Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace ProxyThreat.Pipeline.Tests.Report;

/// <summary>
/// The report as an analyst opens it: a file in Debian's Chromium, headless, with the network denied. It must
/// render with no error and no request but its own file. Skipped, and reported as skipped, where Chromium is not
/// installed (CI installs it in .ci/run).
/// </summary>
[Collection(ReportPages.Name)]
public sealed class ReportInChromiumTests : IDisposable
{
    private const string NoChromium = "chromium is not installed (.ci/run installs Debian's chromium): the page was not opened in a browser";
    private readonly SampleDayPage _sample;
    private readonly HostileDayPage _hostile;
    private readonly BigDayPage _big;
    private readonly ITestOutputHelper _log;
    private readonly string _dir = Path.Join(Path.GetTempPath(), "proxythreat-report-pages", Guid.NewGuid().ToString("N"));

    public ReportInChromiumTests(SampleDayPage sample, HostileDayPage hostile, BigDayPage big, ITestOutputHelper log)
    {
        _sample = sample;
        _hostile = hostile;
        _big = big;
        _log = log;
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task SampleDayReport_InChromiumWithoutNetwork_RendersWithNoErrorAndNoRequestAndScreenshots()
    {
        var (visit, layout, screenshot) = await OpenAsync(
            "sample.html",
            _sample.Page.Bytes,
            """
            ({
              threats: document.querySelectorAll('section.threat').length,
              graphWidth: document.querySelector('svg.graph').getBoundingClientRect().width,
              bars: document.querySelectorAll('svg.timeline rect[class^=r]').length,
              background: getComputedStyle(document.body).backgroundColor,
              scripts: document.scripts.length,
              height: document.documentElement.scrollHeight
            })
            """);
        var shot = Path.Join(AppContext.BaseDirectory, "sample-day-report.png");
        await File.WriteAllBytesAsync(shot, screenshot);
        _log.WriteLine($"loaded in {visit.LoadTime.TotalMilliseconds:0} ms; screenshot {shot} ({screenshot.Length} bytes)");

        Assert.Empty(visit.Problems);
        Assert.Equal([visit.Url], visit.Requests);
        Assert.Equal(3, layout.GetProperty("threats").GetInt32());
        Assert.True(layout.GetProperty("graphWidth").GetDouble() > 300, layout.ToString());
        Assert.True(layout.GetProperty("bars").GetInt32() > 0, layout.ToString());
        Assert.True(layout.GetProperty("height").GetInt32() > 2000, layout.ToString());

        // The style sheet applied: the policy allowed it by its hash, and nothing else.
        Assert.Equal("rgb(244, 245, 247)", layout.GetProperty("background").GetString());
        Assert.Equal(0, layout.GetProperty("scripts").GetInt32());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], screenshot[..4]);
        Assert.True(screenshot.Length > 20_000, $"a {screenshot.Length}-byte screenshot looks blank");
    }

    [SkippableFact]
    public async Task HostileDayReport_InChromiumWithoutNetwork_RunsNothingAndLoadsNothing()
    {
        var (visit, dom, _) = await OpenAsync(
            "hostile.html",
            _hostile.Page.Bytes,
            """
            ({
              active: document.querySelectorAll('script, img, iframe, object, embed, link, base, form, svg foreignObject, svg use, svg image').length,
              handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
              links: [...document.querySelectorAll('a')].map(a => a.getAttribute('href')),
              threats: document.querySelectorAll('section.threat').length
            })
            """);

        Assert.Empty(visit.Problems);
        Assert.Equal([visit.Url], visit.Requests);
        Assert.Equal(0, dom.GetProperty("active").GetInt32());
        Assert.Equal(0, dom.GetProperty("handlers").GetInt32());
        Assert.All(dom.GetProperty("links").EnumerateArray(), l => Assert.Matches("^#t[0-9]+$", l.GetString()!));
        Assert.Equal(HostileDayPage.Uris.Length, dom.GetProperty("threats").GetInt32());
    }

    [SkippableFact]
    public async Task BigDayReport_InChromiumWithoutNetwork_RendersEveryThreatWithNoError()
    {
        var (visit, threats, _) = await OpenAsync("big.html", _big.Page.Bytes, "document.querySelectorAll('section.threat').length");

        // The time is only reported: a performance claim comes from a benchmark, not from a test.
        _log.WriteLine($"{_big.Page.Bytes.Length:N0} bytes loaded in {visit.LoadTime.TotalMilliseconds:0} ms");
        Assert.Empty(visit.Problems);
        Assert.Equal([visit.Url], visit.Requests);
        Assert.Equal(201, threats.GetInt32());
    }

    [SkippableFact]
    public async Task PageThatLoadsAnImage_InChromiumWithoutNetwork_IsCaughtRequestingIt()
    {
        // The control: the harness sees a request and its failure when a page does make one.
        var (visit, _, _) = await OpenAsync("loads.html", "<!DOCTYPE html><title>x</title><img src=\"http://tracker.example/pixel.png\">"u8.ToArray(), "document.images.length");

        Assert.Equal([visit.Url, "http://tracker.example/pixel.png"], visit.Requests);
        Assert.NotEmpty(visit.Problems);
    }

    /// <summary>Opens the page in a fresh headless Chromium, inspects it with a script, and takes a screenshot.</summary>
    private async Task<(PageVisit Visit, JsonElement Inspected, byte[] Screenshot)> OpenAsync(string name, byte[] page, string inspect)
    {
        Skip.If(HeadlessChromium.Executable is null, NoChromium);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var chromium = await HeadlessChromium.StartAsync(HeadlessChromium.Executable!, timeout.Token);
        var visit = await chromium.VisitAsync(Save(name, page), timeout.Token);
        var inspected = await visit.EvaluateAsync(inspect, timeout.Token);
        return (visit, inspected, await visit.ScreenshotAsync(timeout.Token));
    }

    private string Save(string name, byte[] page)
    {
        var path = Path.Join(_dir, name);
        File.WriteAllBytes(path, page);
        return new Uri(path).AbsoluteUri;
    }
}
