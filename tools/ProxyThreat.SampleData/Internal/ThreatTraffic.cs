namespace ProxyThreat.SampleData.Internal;

/// <summary>The smaller threats: a phishing download, a bot's beacon, a credential phish, an adware script.</summary>
internal sealed class ThreatTraffic
{
    private const string Webmail = "https://outlook.office365.com/owa/";

    private readonly Random _rng;
    private readonly SiteCatalog _catalog;

    public ThreatTraffic(Random rng, SiteCatalog catalog)
    {
        _rng = rng;
        _catalog = catalog;
    }

    /// <summary>Users who opened the download from a mail link; the antivirus stopped some of them.</summary>
    public void PhishingDownload(List<ProxyRow> rows, IReadOnlyList<Client> clients)
    {
        foreach (var client in clients)
        {
            var second = 13 * 3600 + _rng.Next(3 * 3600);
            var row = RowFactory.Request(_rng, client, second, SampleThreats.PhishingDownload, _rng.Next(2) == 0 ? Webmail : null, ThreatSites.Phishing);
            rows.Add(_rng.Next(3) == 0
                ? RowFactory.Denied(_rng, row) with { ExceptionId = "virus_detected", VirusId = "Trojan.GenericKD.3224510" }
                : RowFactory.Answer(_rng, row, "200"));
        }
    }

    /// <summary>One infected workstation posting to its controller every quarter hour.</summary>
    public void BotnetBeacon(List<ProxyRow> rows, Client client)
    {
        var infected = client with { UserAgent = Words.Malware, Username = null, AuthGroup = null };
        string[] codes = ["200", "200", "200", "404", "200", "200"];
        var second = 9 * 3600 + 12 * 60 + 5;
        foreach (var code in codes)
        {
            var row = RowFactory.Request(_rng, infected, second, SampleThreats.BotnetBeacon, null, ThreatSites.Botnet, "POST");
            rows.Add(RowFactory.Answer(_rng, row, code) with { ResContType = "text/plain", ScBytes = _rng.Next(90, 400) });
            second += 900 + _rng.Next(-20, 21);
        }
    }

    /// <summary>A phishing mail at 11:05: users open the page, some post their password to it, then policy blocks it.</summary>
    public void CredentialPhish(List<ProxyRow> rows, IReadOnlyList<Client> clients)
    {
        var blockedFrom = 11 * 3600 + 38 * 60;
        foreach (var client in clients)
        {
            var second = 11 * 3600 + 5 * 60 + _rng.Next(40 * 60);
            var open = RowFactory.Request(_rng, client, second, SampleThreats.CredentialPhish, _rng.Next(3) == 0 ? null : Webmail, ThreatSites.CredentialPhish);
            if (second >= blockedFrom)
            {
                rows.Add(RowFactory.Denied(_rng, open));
                continue;
            }

            rows.Add(RowFactory.Answer(_rng, open, "200"));
            if (_rng.Next(2) == 0)
            {
                // The login form posts back to the page itself.
                var post = RowFactory.Request(_rng, client, second + _rng.Next(15, 70), SampleThreats.CredentialPhish, SampleThreats.CredentialPhish, ThreatSites.CredentialPhish, "POST");
                rows.Add(RowFactory.Answer(_rng, post, "302"));
            }
        }
    }

    /// <summary>Forum pages that embed the adware player script, loaded in the afternoon and evening.</summary>
    public void AdwareScript(List<ProxyRow> rows, IReadOnlyList<Client> clients)
    {
        var forum = _catalog["forum.gamer-lounge.net"];
        var first = true;
        foreach (var client in clients)
        {
            var second = 14 * 3600 + _rng.Next(6 * 3600);
            var loads = _rng.Next(2, 6);
            for (var i = 0; i < loads; i++)
            {
                var page = forum.Url(forum.Pages.Pick(_rng));
                rows.Add(RowFactory.Answer(_rng, RowFactory.Request(_rng, client, second, page, null, forum), "200"));
                var script = RowFactory.Request(_rng, client, second + 1, SampleThreats.AdwareScript, page, ThreatSites.Adware);
                rows.Add(RowFactory.Answer(_rng, script, first ? null : i == 0 ? "200" : "304"));
                first = false;
                second += _rng.Next(60, 1200);
            }
        }
    }
}
