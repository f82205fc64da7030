namespace ProxyThreat.SampleData.Internal;

/// <summary>
/// Ordinary browsing: visits of a client to a site, each a few pages with their assets, the pages linked by
/// referers, spread over the day on an office curve.
/// </summary>
internal sealed class BrowsingTraffic
{
    // Share of the day's visits starting in each hour: quiet at night, busy in office hours, a lunch dip.
    private static readonly double[] HourWeights =
        [0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 2.0, 4.5, 8.0, 10.0, 10.5, 9.5, 7.0, 8.5, 10.0, 10.0, 9.0, 7.0, 4.5, 3.0, 2.5, 2.0, 1.4, 0.9];

    private readonly Random _rng;
    private readonly SiteCatalog _catalog;
    private readonly WeightedPicker<Client> _clients;
    private readonly WeightedPicker<Site> _sites;
    private readonly WeightedPicker<int> _hours;
    private readonly List<Site> _assetSites;

    public BrowsingTraffic(Random rng, IReadOnlyList<Client> clients, SiteCatalog catalog)
    {
        _rng = rng;
        _catalog = catalog;

        // A few heavy users, a long tail of light ones.
        _clients = new WeightedPicker<Client>(clients, (_, i) => 1.0 / (i % 97 + 4));
        _sites = new WeightedPicker<Site>(catalog.Sites.Where(s => s.Weight > 0).ToList(), (s, _) => s.Weight);
        _hours = new WeightedPicker<int>(Enumerable.Range(0, 24).ToList(), (h, _) => HourWeights[h]);
        _assetSites = catalog.Sites.Where(s => s.Kind == SiteKind.AssetsOnly && s.Scheme == "https").ToList();
    }

    public List<ProxyRow> Generate(int count)
    {
        var rows = new List<ProxyRow>(count + 100);
        while (rows.Count < count)
        {
            var client = _clients.Pick(_rng);
            var second = _hours.Pick(_rng) * 3600 + _rng.Next(3600);
            if (_rng.NextDouble() < 0.03)
            {
                CertificateCheck(rows, client, second);
                continue;
            }

            var site = _sites.Pick(_rng);
            switch (site.Kind)
            {
                case SiteKind.Tunneled:
                    Tunnel(rows, client, second, site);
                    break;
                case SiteKind.Blocked:
                    rows.Add(RowFactory.Denied(_rng, RowFactory.Request(_rng, client, second, site.Url(site.Pages.Pick(_rng)), EntryReferer(site), site)));
                    break;
                default:
                    Visit(rows, client, second, site);
                    break;
            }
        }

        // The last visit is cut short at the day's count, as a log file's end cuts it.
        rows.RemoveRange(count, rows.Count - count);
        return rows;
    }

    private void Visit(List<ProxyRow> rows, Client client, int second, Site site)
    {
        var referer = EntryReferer(site);
        var pages = _rng.Next(1, 6);
        for (var p = 0; p < pages && second < 86_400; p++)
        {
            var page = site.Url(site.Pages.Pick(_rng));
            var method = _rng.NextDouble() < 0.04 ? "POST" : "GET";
            var row = RowFactory.Request(_rng, client, second, page, referer, site, method);
            if (method == "POST" && site.App != "-")
            {
                row = row with { BcAppOper = site.App is "Gmail" or "Office365" ? "Send Email" : "Post Messages" };
            }

            rows.Add(RowFactory.Answer(_rng, row, PageCode()));
            var assets = _rng.Next(0, 7);
            for (var a = 0; a < assets; a++)
            {
                var third = _rng.NextDouble() < 0.3;
                var assetSite = third ? _assetSites[_rng.Next(_assetSites.Count)] : site;
                var asset = assetSite.Url(assetSite.Assets.Pick(_rng));
                var head = !third && _rng.NextDouble() < 0.01;
                var request = RowFactory.Request(_rng, client, Math.Min(second + _rng.Next(0, 4), 86_399), asset, page, assetSite, head ? "HEAD" : "GET");
                rows.Add(RowFactory.Answer(_rng, request, AssetCode()));
            }

            referer = page;
            second += _rng.Next(5, 240);
        }
    }

    private void Tunnel(List<ProxyRow> rows, Client client, int second, Site site)
    {
        var tunnels = _rng.Next(1, 4);
        for (var t = 0; t < tunnels; t++)
        {
            var row = RowFactory.Request(_rng, client, Math.Min(second + t * _rng.Next(1, 20), 86_399), $"tcp://{site.Host}:443/", null, site, "CONNECT");
            rows.Add(row with
            {
                Action = "TCP_TUNNELED",
                ResContType = null,
                UriExtension = null,
                Duration = _rng.Next(1_000, 180_000),
                ScBytes = _rng.Next(5_000, 900_000),
                CsBytes = _rng.Next(800, 40_000),
            });
        }
    }

    private void CertificateCheck(List<ProxyRow> rows, Client client, int second)
    {
        var site = _catalog["ctldl.windowsupdate.com"];
        var uri = site.Url(site.Assets.Pick(_rng)) + "?" + Words.Hex(_rng, 16);
        var bits = _rng.Next(3) == 0;
        var row = RowFactory.Request(_rng, client with { UserAgent = bits ? Words.Bits : Words.CryptoApi }, second, uri, null, site, bits ? "HEAD" : "GET");
        rows.Add(RowFactory.Answer(_rng, row, _rng.NextDouble() < 0.5 ? "304" : "200") with { Username = null, AuthGroup = null });
    }

    private string? EntryReferer(Site site)
    {
        var roll = _rng.NextDouble();
        if (roll < 0.5 || site.Host == "www.google.com")
        {
            return null;
        }

        return roll < 0.8
            ? $"https://www.google.com/search?q={Words.Slug(_rng, 2).Replace('-', '+')}"
            : "https://news.ycombinator.com/";
    }

    private string PageCode() => _rng.NextDouble() switch
    {
        < 0.905 => "200",
        < 0.945 => "302",
        < 0.965 => "304",
        < 0.985 => "404",
        < 0.991 => "500",
        < 0.995 => "503",
        < 0.997 => "502",
        < 0.9985 => "418",
        _ => "999",
    };

    private string AssetCode() => _rng.NextDouble() switch
    {
        < 0.80 => "200",
        < 0.97 => "304",
        < 0.993 => "404",
        < 0.998 => "500",
        _ => "206",
    };
}
