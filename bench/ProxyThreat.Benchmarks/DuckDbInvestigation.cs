using DuckDB.NET.Data;

namespace ProxyThreat.Benchmarks;

/// <summary>
/// The tables path's work done by DuckDB in SQL over the same Parquet files: the expanded search of every
/// threat scored 1, the counts, the pages sent on to, the incident requests, the top clients and their
/// sessions cut at the gap, one row per response code; every result read back to the caller.
/// </summary>
internal static class DuckDbInvestigation
{
    public static long Run(string root, int topResults, int gapSeconds)
    {
        var hive = Path.Join(root, "user", "spot", "proxy", "hive");
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        Execute(duck, $"""
            CREATE TEMP TABLE threats AS
                SELECT DISTINCT fulluri AS uri FROM read_parquet('{hive}/oa/threat_investigation/y=2016/m=7/d=8/*') WHERE uri_sev = 1;
            CREATE TEMP TABLE raw AS
                SELECT fulluri, referer, clientip, reqmethod, resconttype, respcode, duration,
                       CAST(coalesce(p_date, '2016-07-08') || ' ' || p_time AS TIMESTAMP) AS ts, row_number() OVER () AS seq
                FROM read_parquet('{hive}/y=2016/m=07/d=08/*/*')
                WHERE fulluri IN (SELECT uri FROM threats) OR referer IN (SELECT uri FROM threats);
            CREATE TEMP TABLE hits AS
                SELECT t.uri, r.* FROM raw r JOIN threats t ON r.fulluri = t.uri
                UNION ALL
                SELECT t.uri, r.* FROM raw r JOIN threats t ON r.referer = t.uri AND r.fulluri IS DISTINCT FROM t.uri;
            """);
        long read = 0;
        read += Query(duck, "SELECT uri, clientip, count(*) AS n FROM hits GROUP BY ALL ORDER BY uri, n DESC, clientip");
        read += Query(duck, "SELECT uri, reqmethod, count(*) AS n FROM hits GROUP BY ALL ORDER BY uri, n DESC, reqmethod");
        read += Query(duck, "SELECT uri, resconttype, count(*) AS n FROM hits GROUP BY ALL ORDER BY uri, n DESC, resconttype");
        read += Query(duck, "SELECT uri, referer, count(*) AS n FROM hits WHERE fulluri = uri GROUP BY ALL ORDER BY uri, n DESC, referer");
        read += Query(duck, "SELECT uri, fulluri, min(ts) AS first FROM hits WHERE fulluri <> uri GROUP BY ALL ORDER BY uri, first");
        read += Query(duck, "SELECT uri, clientip, referer, reqmethod, resconttype FROM hits WHERE fulluri = uri ORDER BY uri, ts, seq");
        read += Query(duck, $"""
            WITH ranked AS (
                SELECT uri, clientip, row_number() OVER (PARTITION BY uri ORDER BY count(*) DESC, clientip) AS rank
                FROM hits WHERE clientip IS NOT NULL GROUP BY uri, clientip),
            requests AS (
                SELECT h.uri, h.clientip, h.respcode, h.duration, h.ts, h.seq, ranked.rank,
                       h.ts - lag(h.ts) OVER (PARTITION BY h.uri, h.clientip ORDER BY h.ts, h.seq) AS gap
                FROM hits h JOIN ranked USING (uri, clientip)
                WHERE ranked.rank <= {topResults} AND h.fulluri = h.uri AND h.ts IS NOT NULL),
            sessions AS (
                SELECT *, sum(CASE WHEN gap > INTERVAL {gapSeconds} SECOND THEN 1 ELSE 0 END)
                          OVER (PARTITION BY uri, clientip ORDER BY ts, seq ROWS UNBOUNDED PRECEDING) AS session
                FROM requests)
            SELECT uri, clientip, session, respcode, min(ts), max(ts), sum(coalesce(duration, 0)), min(rank) AS rank, min(seq) AS first
            FROM sessions GROUP BY uri, clientip, session, respcode ORDER BY uri, rank, session, first
            """);
        return read;
    }

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Query(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }
}
