using System.Globalization;

namespace ProxyThreat.SampleData.Internal;

/// <summary>The ordinary web of the sample: a few dozen sites, their pages and assets.</summary>
internal sealed class SiteCatalog
{
    /// <summary>Ordinary pages with the malvertising gate injected: each sends some visitors on to it.</summary>
    public static IReadOnlyList<string> CompromisedPages { get; } =
    [
        "http://www.riverside-gazette.com/2016/07/08/city-council-approves-river-park-budget.html",
        "http://www.budget-recipes-blog.net/recipes/one-pot-summer-pasta/",
        "http://forum.gamer-lounge.net/t/best-free-mmo-2016/88213",
        "http://www.cheap-flights-deals.net/deals/boston-to-dublin",
        "http://www.riverside-gazette.com/2016/07/08/heatwave-cooling-centers-open.html",
    ];

    private readonly Dictionary<string, Site> _byHost = new(StringComparer.Ordinal);
    private readonly Random _rng;

    private SiteCatalog(Random rng)
    {
        _rng = rng;
    }

    public List<Site> Sites { get; } = [];

    public Site this[string host] => _byHost[host];

    public static SiteCatalog Create(Random rng)
    {
        var c = new SiteCatalog(rng);
        c.AssetHosts();
        c.Add("www.google.com", "172.217.4.68", "Search Engines/Portals", "https", 20, 60, r => $"/search?q={Words.Slug(r, 2).Replace('-', '+')}&ie=UTF-8", extra: ["/"]);
        c.Add("mail.google.com", "172.217.4.69", "Email", "https", 6, 30, r => $"/sync/u/0/i/s?hl=en&c={r.Next(100, 9999)}", app: "Gmail", extra: ["/mail/u/0/"]);
        c.Add("en.wikipedia.org", "198.35.26.96", "Reference", "https", 6, 50, r => $"/wiki/{Cap(Words.Common.Pick(r))}_{Cap(Words.Cities.Pick(r))}");
        c.Add("www.cnn.com", "151.101.1.67", "News/Media", "http", 5, 40, r => $"/2016/07/08/{Words.Common.Pick(r)}/{Words.Slug(r, 4)}/index.html", extra: ["/"]);
        c.Add("www.bbc.co.uk", "212.58.244.22", "News/Media", "http", 4, 40, r => $"/news/{Words.Common.Pick(r)}-{r.Next(36700000, 36799999)}", extra: ["/news"]);
        c.Add("www.nytimes.com", "170.149.168.130", "News/Media", "https", 3, 30, r => $"/2016/07/09/{Words.Common.Pick(r)}/{Words.Slug(r, 5)}.html", extra: ["/"]);
        c.Add("github.com", "192.30.253.113", "Technology/Internet", "https", 4, 50, r => $"/apache/{Words.Common.Pick(r)}/{(r.Next(2) == 0 ? "issues" : "pull")}/{r.Next(1, 2500)}", extra: ["/", "/apache/incubator-spot"]);
        c.Add("stackoverflow.com", "151.101.1.69", "Technology/Internet", "http", 5, 60, r => $"/questions/{r.Next(38000000, 38300000)}/{Words.Slug(r, 5)}");
        c.Add("www.linkedin.com", "108.174.10.10", "Social Networking", "https", 3, 25, r => $"/in/{Words.UserNames.Pick(r)}-{Words.Hex(r, 4)}", app: "LinkedIn", extra: ["/feed/"]);
        c.Add("www.amazon.com", "54.239.17.6", "Shopping", "https", 3, 40, r => $"/dp/B0{r.Next(10000000, 99999999)}", extra: ["/"]);
        c.Add("www.ebay.com", "66.135.216.190", "Auctions", "http", 2, 25, r => $"/itm/{r.Next(100000000, 999999999)}");
        c.Add("www.youtube.com", "216.58.192.14", "Audio/Video Clips", "https", 4, 40, r => $"/watch?v={Words.Hex(r, 11)}", app: "YouTube");
        c.Add("www.weather.com", "23.5.161.209", "News/Media", "http", 2, 15, r => $"/weather/today/l/{r.Next(10000, 99999)}:4:US");
        c.Add("finance.yahoo.com", "98.138.219.231", "Brokerage/Trading", "http", 2, 20, r => $"/quote/{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))}");
        c.Add("news.ycombinator.com", "104.20.44.44", "Technology/Internet", "https", 2, 30, r => $"/item?id={r.Next(11990000, 12060000)}", extra: ["/"]);
        c.Add("www.reddit.com", "151.101.65.140", "Social Networking", "https", 3, 40, r => $"/r/{Words.Common.Pick(r)}/comments/{Words.Hex(r, 6)}/{Words.Slug(r, 4).Replace('-', '_')}/");
        c.Add("outlook.office365.com", "40.97.160.2", "Email", "https", 5, 30, r => $"/owa/service.svc?action=GetItem&EP=1&ID=-{r.Next(10, 99)}&AC=1", app: "Office365", extra: ["/owa/"]);
        c.Add("na7.salesforce.com", "96.43.148.8", "Business/Economy", "https", 2, 20, r => $"/006{Words.Hex(r, 12)}", app: "Salesforce", extra: ["/home/home.jsp"]);
        c.Add("www.dropbox.com", "162.125.1.1", "Personal Network Storage/Backup", "https", 1, 10, r => $"/s/{Words.Hex(r, 15)}/{Words.Common.Pick(r)}.pdf", app: "Dropbox", extra: ["/home"]);
        c.Add("www.espn.com", "199.181.132.250", "Sports/Recreation", "http", 2, 25, r => $"/{Words.Common.Pick(r)}/story/_/id/{r.Next(16700000, 16800000)}/{Words.Slug(r, 4)}");
        c.Add("www.booking.com", "185.28.222.2", "Travel", "https", 1, 15, r => $"/hotel/{Words.Cities.Pick(r)}/{Words.Slug(r, 2)}.html");
        c.Add("www.apache.org", "140.211.11.105", "Technology/Internet", "http", 1, 8, r => $"/dist/{Words.Common.Pick(r)}/", extra: ["/", "/foundation/"]);
        c.Add("www.riverside-gazette.com", "198.51.100.21", "News/Media", "http", 1.5, 20, r => $"/2016/07/08/{Words.Slug(r, 4)}.html", extra: ["/"]);
        c.Add("www.budget-recipes-blog.net", "198.51.100.45", "Restaurants/Dining/Food", "http", 1, 15, r => $"/recipes/{Words.Slug(r, 3)}/");
        c.Add("forum.gamer-lounge.net", "198.51.100.87", "Games", "http", 1, 20, r => $"/t/{Words.Slug(r, 3)}/{r.Next(80000, 90000)}");
        c.Add("www.cheap-flights-deals.net", "198.51.100.120", "Travel", "http", 0.8, 12, r => $"/deals/{Words.Cities.Pick(r)}-to-{Words.Cities.Pick(r)}");
        c.Add("www.chase.com", "159.53.224.21", "Financial Services", "https", 1.5, 0, null, kind: SiteKind.Tunneled);
        c.Add("www.bankofamerica.com", "171.161.148.150", "Financial Services", "https", 1, 0, null, kind: SiteKind.Tunneled);
        c.Add("www.webmd.com", "69.94.75.20", "Health", "https", 0.7, 0, null, kind: SiteKind.Tunneled);
        c.Add("www.pokerstars.com", "104.16.88.20", "Gambling", "http", 0.3, 6, r => $"/poker/{Words.Common.Pick(r)}/", kind: SiteKind.Blocked);
        c.Add("thepiratebay.org", "104.27.216.28", "Piracy/Copyright Concerns", "https", 0.2, 6, r => $"/search/{Words.Common.Pick(r)}/0/99/0", kind: SiteKind.Blocked);
        foreach (var page in CompromisedPages)
        {
            var site = c[UriParts.Split(page).Host];
            c.Replace(site with { Pages = [.. site.Pages, UriParts.Split(page).Path] });
        }

        return c;
    }

    private void AssetHosts()
    {
        Add("ajax.googleapis.com", "216.58.192.10", "Content Servers", "https", 0, 0, null, kind: SiteKind.AssetsOnly, assets: ["/ajax/libs/jquery/2.2.4/jquery.min.js", "/ajax/libs/jqueryui/1.12.0/jquery-ui.min.js"]);
        Add("fonts.gstatic.com", "216.58.192.3", "Content Servers", "https", 0, 0, null, kind: SiteKind.AssetsOnly, assets: ["/s/roboto/v15/CWB0XYA8bzo0kSThX0UTuA.woff2", "/s/opensans/v13/cJZKeOuBrn4kERxqtaUH3VtXRa8TVwTICgirnJhmVJw.woff2"]);
        Add("www.google-analytics.com", "216.58.192.14", "Web Ads/Analytics", "https", 0, 0, null, kind: SiteKind.AssetsOnly, assets: ["/analytics.js", "/r/__utm.gif", "/collect"]);
        Add("cdnjs.cloudflare.com", "104.19.196.102", "Content Servers", "https", 0, 0, null, kind: SiteKind.AssetsOnly, assets: ["/ajax/libs/font-awesome/4.6.3/css/font-awesome.min.css", "/ajax/libs/moment.js/2.14.1/moment.min.js"]);
        Add("pagead2.googlesyndication.com", "216.58.192.2", "Web Ads/Analytics", "https", 0, 0, null, kind: SiteKind.AssetsOnly, assets: ["/pagead/js/adsbygoogle.js", "/pagead/show_ads.js"]);
        Add("connect.facebook.net", "157.240.2.20", "Social Networking", "https", 0, 0, null, kind: SiteKind.AssetsOnly, assets: ["/en_US/sdk.js", "/en_US/fbevents.js"]);
        Add("ctldl.windowsupdate.com", "93.184.221.240", "Software Downloads", "http", 0, 0, null, kind: SiteKind.AssetsOnly, assets: ["/msdownload/update/v3/static/trustedr/en/disallowedcertstl.cab", "/msdownload/update/v3/static/trustedr/en/authrootstl.cab"]);
    }

    private void Add(
        string host, string ip, string category, string scheme, double weight, int pageCount, Func<Random, string>? page,
        string app = "-", SiteKind kind = SiteKind.Browsed, IReadOnlyList<string>? extra = null, IReadOnlyList<string>? assets = null)
    {
        var pages = new List<string>(extra ?? []);
        for (var i = 0; i < pageCount; i++)
        {
            var path = page!(_rng);
            if (!pages.Contains(path))
            {
                pages.Add(path);
            }
        }

        var hash = Words.Hex(_rng, 8);
        assets ??= kind == SiteKind.Browsed
            ? [$"/static/js/main.{hash}.js", $"/static/css/site.{hash}.css", "/static/img/logo.png", "/favicon.ico",
               $"/static/img/{Words.Common.Pick(_rng)}-hero.jpg", $"/static/img/{Words.Common.Pick(_rng)}.gif"]
            : [];
        var site = new Site(host, ip, category, scheme, weight, kind, app, pages, assets);
        Sites.Add(site);
        _byHost.Add(host, site);
    }

    private void Replace(Site site)
    {
        Sites[Sites.FindIndex(s => s.Host == site.Host)] = site;
        _byHost[site.Host] = site;
    }

    private static string Cap(string word) => string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(word[0])}{word[1..]}");
}
