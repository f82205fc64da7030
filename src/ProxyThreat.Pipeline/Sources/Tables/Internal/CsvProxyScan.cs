using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>Finds the searched requests among the rows of a CSV stand-in for a raw proxy file.</summary>
internal static class CsvProxyScan
{
    public static void Scan(TableContent content, UriSet uris, DateOnly partitionDate, FileMatches found)
    {
        var schema = SpotTables.Proxy;
        int Column(string name) => schema.IndexOf(name);
        var (date, time, client, fulluri, referer) = (Column("p_date"), Column("p_time"), Column("clientip"), Column("fulluri"), Column("referer"));
        var (method, type, code, duration) = (Column("reqmethod"), Column("resconttype"), Column("respcode"), Column("duration"));
        foreach (var row in content.Rows)
        {
            var (byFulluri, byReferer) = (uris.IndexOf((string?)row[fulluri]), uris.IndexOf((string?)row[referer]));
            if (byFulluri >= 0 || byReferer >= 0)
            {
                var request = new SearchRow(
                    SpotTime.Ticks(SpotTime.Date((string?)row[date]), SpotTime.Time((string?)row[time]), partitionDate),
                    found.ClientIps.IdOf((string?)row[client]),
                    found.FullUris.IdOf((string?)row[fulluri]),
                    found.Referers.IdOf((string?)row[referer]),
                    found.RequestMethods.IdOf((string?)row[method]),
                    found.ContentTypes.IdOf((string?)row[type]),
                    found.ResponseCodes.IdOf((string?)row[code]),
                    (int?)row[duration] ?? 0);
                found.Add(new MatchedRow(request, byFulluri, byReferer));
            }
        }
    }
}
