using System.Globalization;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;

namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>
/// The expanded search as Spot's API runs it on Impala: every column of every raw request of the date whose
/// fulluri or referer is the URI, ordered by time (requests of the same time keep partition, file and row order).
/// </summary>
public static class RawProxySearch
{
    public static async Task<List<object?[]>> FindAsync(IHdfs hdfs, SpotLayout layout, DateOnly date, string uri, CancellationToken cancellationToken)
    {
        var schema = SpotTables.Proxy;
        var (fulluri, referer) = (schema.IndexOf("fulluri"), schema.IndexOf("referer"));
        var hours = await PartitionFinder.FindHoursAsync(hdfs, await PartitionFinder.FindDayAsync(hdfs, layout.ProxyTable, date, cancellationToken), cancellationToken);
        var found = new List<object?[]>();
        foreach (var file in await PartitionFinder.FilesAsync(hdfs, hours, cancellationToken))
        {
            await using var stream = await hdfs.OpenAsync(file.Path, cancellationToken);
            var content = await TableFile.ReadAsync(stream, schema, file.Path, cancellationToken);
            found.AddRange(content.Rows.Where(r => (string?)r[fulluri] == uri || (string?)r[referer] == uri));
        }

        return found.OrderBy(r => Time(r, date) ?? DateTime.MinValue).ToList();
    }

    /// <summary>The request's time: p_time on p_date, or on the partition's date when p_date is empty; null without a time.</summary>
    public static DateTime? Time(object?[] row, DateOnly partitionDate)
    {
        var schema = SpotTables.Proxy;
        var (date, time) = ((string?)row[schema.IndexOf("p_date")], (string?)row[schema.IndexOf("p_time")]);
        if (string.IsNullOrEmpty(time) || !TimeOnly.TryParse(time, CultureInfo.InvariantCulture, out var clock))
        {
            return null;
        }

        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : partitionDate;
        return day.ToDateTime(clock);
    }
}
