using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ProxyThreat.Pipeline.Tests.Support;

namespace ProxyThreat.Pipeline.Tests.Report;

/// <summary>
/// Every value from the proxy log is attacker-controlled: the page, parsed as a browser parses it, holds them
/// only as text, has no script, no loaded resource, no event handler and no link out.
/// </summary>
[Collection(ReportPages.Name)]
public sealed partial class HostileReportTests
{
    private static readonly string[] AllowedAttributes =
        ["lang", "charset", "http-equiv", "name", "content", "class", "id", "href", "colspan", "viewbox", "width", "height", "role", "x", "y", "x1", "x2", "y1", "y2", "rx", "d", "stroke-width", "text-anchor"];

    private readonly ReportDays.Rendered _page;

    public HostileReportTests(HostileDayPage day)
    {
        ArgumentNullException.ThrowIfNull(day);
        _page = day.Page;
    }

    [Fact]
    public void Render_HostileDay_HasNoActiveElementAnywhere()
    {
        var document = _page.Document;

        Assert.Empty(document.QuerySelectorAll("script, img, iframe, frame, object, embed, link, base, form, input, button, audio, video, source, foreignObject, use, image, animate, set, meta[http-equiv=refresh]"));
        Assert.Equal(HostileDayPage.Uris.Length, document.QuerySelectorAll("section.threat").Length);
        Assert.Single(document.QuerySelectorAll("style"));
        Assert.Equal(["meta", "meta", "meta", "meta", "title", "style"], document.Head!.Children.Select(e => e.LocalName));
    }

    [Fact]
    public void Render_HostileDay_HasOnlyKnownAttributesAndNoLinkOut()
    {
        var attributes = _page.Document.All.SelectMany(e => e.Attributes.Select(a => (Element: e, Attribute: a))).ToList();

        Assert.All(attributes, p => Assert.Contains(p.Attribute.Name.ToLowerInvariant(), AllowedAttributes));
        Assert.DoesNotContain(attributes, p => p.Attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, p => p.Attribute.Value.Contains("javascript", StringComparison.OrdinalIgnoreCase) || p.Attribute.Value.Contains('<', StringComparison.Ordinal));

        // The only links are the contents' jumps to the page's own sections.
        Assert.All(_page.Document.QuerySelectorAll("a"), a => Assert.Matches(SectionLink(), a.GetAttribute("href") ?? string.Empty));
        Assert.Equal(HostileDayPage.Uris.Length, _page.Document.QuerySelectorAll("a").Length);
    }

    [Fact]
    public void Render_HostileDay_ForbidsEveryNetworkLoadByContentSecurityPolicy()
    {
        var policy = _page.Document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;

        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'; form-action 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileDay_ShowsEveryHostileValueAsText()
    {
        var text = _page.Document.Body!.TextContent;
        var uris = _page.Document.QuerySelectorAll("section.threat p.uri").Select(p => p.TextContent).ToList();

        Assert.Equal(HostileDayPage.Uris.Take(3).Order(StringComparer.Ordinal), uris.Where(u => !u.Contains("évil", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains("http://évil.example/überprüfung/日本語/\\u202Eexe.gnp", uris);
        Assert.DoesNotContain('\u202E', text);
        Assert.Contains(HostileDayPage.Title, _page.Document.QuerySelectorAll("h2").Select(h => h.TextContent[3..]));
        Assert.Contains(HostileDayPage.Text, _page.Document.QuerySelectorAll("p.story").Select(p => p.TextContent));
        Assert.All(HostileDayPage.Referers, r => Assert.Contains(r, text, StringComparison.Ordinal));
        Assert.Contains("<b>10.0.0.1</b>", _page.Document.QuerySelectorAll("svg.timeline text.ip").Select(t => t.TextContent));
        Assert.Contains("<img src=x onerror=alert(10)>", _page.Document.QuerySelectorAll("table.counts td").Select(t => t.TextContent));
        Assert.Contains(_page.Document.QuerySelectorAll("svg.timeline title"), t => t.TextContent.StartsWith("<b>10.0.0.1</b>: <i>200</i> Unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_HostileDay_MarkupNeverCarriesARawAngleBracketFromTheData()
    {
        var html = System.Text.Encoding.UTF8.GetString(_page.Bytes);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("^#t[0-9]+$")]
    private static partial Regex SectionLink();
}
