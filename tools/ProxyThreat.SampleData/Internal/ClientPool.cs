using System.Globalization;

namespace ProxyThreat.SampleData.Internal;

/// <summary>The workstations of the sample: a few hundred 10.x addresses behind two proxy appliances.</summary>
internal static class ClientPool
{
    /// <summary>
    /// Two clients that tie at the top of the richest threat; ordinal order (10.0.12.7 first) and numeric order
    /// (10.0.3.15 first) disagree, so a tie-break by the wrong order shows.
    /// </summary>
    public static IReadOnlyList<string> TiedLeaders { get; } = ["10.0.12.7", "10.0.3.15"];

    public static List<Client> Create(Random rng, int count)
    {
        var agents = new WeightedPicker<(string Agent, double Share)>(Words.Browsers, (b, _) => b.Share);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var clients = new List<Client>(count);
        while (clients.Count < count)
        {
            var appliance = clients.Count < TiedLeaders.Count ? 0 : rng.Next(3) == 0 ? 1 : 0;
            var ip = clients.Count < TiedLeaders.Count
                ? TiedLeaders[clients.Count]
                : string.Create(CultureInfo.InvariantCulture, $"10.{appliance * 2}.{rng.Next(1, 40)}.{rng.Next(2, 250)}");
            if (!seen.Add(ip))
            {
                continue;
            }

            var authenticated = rng.NextDouble() < 0.6;
            var user = authenticated ? Words.UserNames.Pick(rng) + (rng.Next(4) == 0 ? rng.Next(2, 9).ToString(CultureInfo.InvariantCulture) : "") : null;
            var group = authenticated ? Words.Groups.Pick(rng) : null;
            clients.Add(new Client(ip, agents.Pick(rng).Agent, user, group, appliance));
        }

        return clients;
    }
}
