using System.Globalization;
using System.Text;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Sources.Internal;

namespace ProxyThreat.Pipeline.Sources.Tables.Internal;

/// <summary>A raw request's time from its p_date and p_time, as Hive's strings hold them.</summary>
internal static class SpotTime
{
    /// <summary>The p_date, or null when it is not a <c>yyyy-mm-dd</c> date (then the partition's date counts).</summary>
    public static DateOnly? Date(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The same from UTF-8: Hive's own form is read from its bytes, anything else as its string.</summary>
    public static DateOnly? Date(ReadOnlySpan<byte> date) =>
        HiveTimeText.TryParseDate(date, out var day) ? day : Date(Encoding.UTF8.GetString(date));

    /// <summary>The p_time's time of day in ticks, or null without a readable time (a fraction may follow the seconds).</summary>
    public static long? Time(string? time) =>
        !string.IsNullOrEmpty(time) && TimeOnly.TryParse(time, CultureInfo.InvariantCulture, out var clock) ? clock.Ticks : null;

    /// <summary>The same from UTF-8: <c>hh:mm:ss</c> is read from its bytes, anything else as its string.</summary>
    public static long? Time(ReadOnlySpan<byte> time) =>
        HiveTimeText.TryParseTime(time, out var ticks) ? ticks : Time(Encoding.UTF8.GetString(time));

    /// <summary>Ticks of the request's time, or <see cref="SearchRow.NoTime"/>.</summary>
    public static long Ticks(DateOnly? date, long? time, DateOnly partitionDate) =>
        time is { } t ? (date ?? partitionDate).ToDateTime(TimeOnly.MinValue).Ticks + t : SearchRow.NoTime;
}
