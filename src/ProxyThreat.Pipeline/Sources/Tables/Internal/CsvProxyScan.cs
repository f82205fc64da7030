using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>Finds the searched requests among the rows of a CSV stand-in for a raw proxy file.</summary>
internal static class CsvProxyScan
{
    public static List<MatchedRow> Scan(TableContent content, UriSet uris, DateOnly partitionDate)
    {
        var schema = SpotTables.Proxy;
        int Column(string name) => schema.IndexOf(name);
        var (date, time, client, fulluri, referer) = (Column("p_date"), Column("p_time"), Column("clientip"), Column("fulluri"), Column("referer"));
        var (method, type, code, duration) = (Column("reqmethod"), Column("resconttype"), Column("respcode"), Column("duration"));
        var found = new List<MatchedRow>();
        foreach (var row in content.Rows)
        {
            var (byFulluri, byReferer) = (uris.IndexOf((string?)row[fulluri]), uris.IndexOf((string?)row[referer]));
            if (byFulluri >= 0 || byReferer >= 0)
            {
                found.Add(new MatchedRow(
                    SpotTime.Ticks(SpotTime.Date((string?)row[date]), SpotTime.Time((string?)row[time]), partitionDate),
                    (string?)row[client],
                    (string?)row[fulluri],
                    (string?)row[referer],
                    (string?)row[method],
                    (string?)row[type],
                    (string?)row[code],
                    (int?)row[duration] ?? 0,
                    byFulluri,
                    byReferer));
            }
        }

        return found;
    }
}
