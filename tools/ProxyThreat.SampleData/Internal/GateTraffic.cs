namespace ProxyThreat.SampleData.Internal;

/// <summary>
/// The richest threat: a few dozen clients reach the malvertising gate from compromised pages in sessions spread
/// over the working day, reload it (self-referrals), and are sent on to its targets.
/// </summary>
internal sealed class GateTraffic
{
    private const int Clients = 36;
    private const int DayStart = 8 * 3600;
    private const int DayLength = 10 * 3600;

    // Planned rows per client (fulluri or referer the gate): two ties at the top, one just below.
    private static readonly int[] Leaders = [14, 14, 11, 9, 9];

    private readonly Random _rng;
    private readonly SiteCatalog _catalog;

    public GateTraffic(Random rng, SiteCatalog catalog)
    {
        _rng = rng;
        _catalog = catalog;
    }

    public void Generate(List<ProxyRow> rows, IReadOnlyList<Client> clients)
    {
        for (var c = 0; c < Math.Min(Clients, clients.Count); c++)
        {
            var planned = c < Leaders.Length ? Leaders[c] : _rng.Next(2, 9);
            var sessions = Math.Clamp(planned / 4, 1, 4);
            var slot = DayLength / sessions;
            for (var s = 0; s < sessions; s++)
            {
                var size = planned / sessions + (s < planned % sessions ? 1 : 0);
                var start = DayStart + s * slot + _rng.Next(slot - 1800);
                Session(rows, clients[c], c, s, start, size);
            }
        }

        // Requests the appliance logged without a client address.
        foreach (var second in new[] { 10 * 3600 + 41 * 60 + 7, 15 * 3600 + 12 * 60 + 40 })
        {
            rows.Add(Hit(null, second, SiteCatalog.CompromisedPages.Pick(_rng), "200"));
        }
    }

    private void Session(List<ProxyRow> rows, Client client, int index, int session, int second, int size)
    {
        for (var k = 0; k < size; k++)
        {
            if (k == 0)
            {
                var referer = _rng.NextDouble() < 0.85 ? SiteCatalog.CompromisedPages.Pick(_rng) : null;
                if (referer is not null)
                {
                    var page = _catalog[UriParts.Split(referer).Host];
                    rows.Add(RowFactory.Answer(_rng, RowFactory.Request(_rng, client, second - _rng.Next(1, 4), referer, null, page), "200"));
                }

                // Two clients' first hit timed out: no response code logged.
                rows.Add(Hit(client, second, referer, index is 5 or 6 && session == 0 ? null : HitCode()));
                continue;
            }

            // Edge cases of the timeline's session cut: exactly the gap (same session) and one second more (new session).
            var pinned = session == 0 && k == 1 && index is 0 or 1;
            second += pinned ? 300 + index : _rng.Next(2, 90);
            var roll = _rng.NextDouble();
            if (pinned || roll < 0.25)
            {
                rows.Add(Hit(client, second, SampleThreats.MalvertisingGate, HitCode()));
            }
            else if (roll < 0.4)
            {
                rows.Add(Hit(client, second, SiteCatalog.CompromisedPages.Pick(_rng), HitCode()));
            }
            else
            {
                var (uri, site) = ThreatSites.GateTargets.Pick(_rng);
                var row = RowFactory.Request(_rng, client, second, uri, SampleThreats.MalvertisingGate, site);
                rows.Add(RowFactory.Answer(_rng, row, _rng.NextDouble() < 0.9 ? "200" : "404"));
            }
        }
    }

    private ProxyRow Hit(Client? client, int second, string? referer, string? code) =>
        RowFactory.Answer(_rng, RowFactory.Request(_rng, client, second, SampleThreats.MalvertisingGate, referer, ThreatSites.Gate), code);

    private string HitCode() => _rng.NextDouble() switch
    {
        < 0.62 => "200",
        < 0.75 => "302",
        < 0.85 => "304",
        < 0.92 => "404",
        < 0.97 => "503",
        _ => "999",
    };
}
