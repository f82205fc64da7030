using System.Security.Cryptography;
using System.Text;

namespace ProxyThreat.Pipeline.Report.Internal;

/// <summary>The page's one style sheet, and the Content-Security-Policy that allows it and nothing else.</summary>
internal static class ReportStyle
{
    public const string Css = """
        body{font:14px/1.45 "DejaVu Sans",Arial,sans-serif;color:#1d2430;margin:0;background:#f4f5f7}
        header,section{background:#fff;margin:16px auto;max-width:1260px;padding:16px 24px;border-radius:6px;box-shadow:0 1px 3px #0002}
        section.threat{content-visibility:auto;contain-intrinsic-size:auto 1400px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 6px}h3{font-size:14px;margin:18px 0 6px;color:#445}
        .muted,.made{color:#667;font-size:12px}
        .uri,.value{font-family:"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all}
        .uri{background:#f0f1f4;padding:4px 8px;border-radius:4px}
        .story{white-space:pre-wrap}
        .origin{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;background:#e8eaf0}
        .origin.decision{background:#dcefdc}.origin.storyboard{background:#dde8f7}.origin.generated{background:#f6ead3}
        .note{font-size:12px;color:#8a4b00;margin:4px 0}
        .problem{color:#b00020;font-weight:bold}
        dl.summary{display:grid;grid-template-columns:max-content max-content;gap:2px 16px;margin:10px 0}
        dl.summary dt{color:#556}dl.summary dd{margin:0;font-weight:bold}
        ol.contents{columns:2;font-size:13px}
        .row{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
        .tables{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
        table.counts{border-collapse:collapse;font-size:12px;min-width:200px;max-width:420px}
        table.counts caption{text-align:left;font-weight:bold;padding:2px 0}
        table.counts td,table.counts th{border-bottom:1px solid #e3e5ea;padding:2px 6px;text-align:left;vertical-align:top}
        table.counts td.n,table.counts th.n{text-align:right;white-space:nowrap}
        tr.more td{color:#667;font-style:italic}
        svg{font:11px "DejaVu Sans",Arial,sans-serif;max-width:100%;height:auto}
        svg .node{fill:#eef1f6;stroke:#b8c0cc}svg .node.more{fill:#fff;stroke-dasharray:3 2}
        svg .center{fill:#1d2430}svg .center-text{fill:#fff}
        svg .edge{fill:none;stroke:#7b8ba3;stroke-opacity:.55}svg .edge.out{stroke:#a36b7b}
        svg .heading{font-weight:bold;fill:#445}svg .count{fill:#556}svg .empty{fill:#889;font-style:italic}
        svg .lane{fill:#f6f7f9}svg .grid{stroke:#dde0e6}svg .ip{font-family:"DejaVu Sans Mono",monospace}
        .r2{fill:#2e7d32;background:#2e7d32}.r3{fill:#1565c0;background:#1565c0}.r4{fill:#ef6c00;background:#ef6c00}
        .r5{fill:#c62828;background:#c62828}.rx{fill:#757575;background:#757575}
        .graph-note{font-size:12px;color:#667;margin:2px 0 8px}
        .legend span.sw{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;border-radius:2px}
        """;

    /// <summary>
    /// No network load of any kind, no script, no form target; only this style sheet, named by its hash, so an
    /// injected style element would not apply either.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'; base-uri 'none'; form-action 'none'";
}
