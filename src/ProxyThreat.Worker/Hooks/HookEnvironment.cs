using System.Globalization;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Worker.Hooks;

/// <summary>
/// The variables a hook runs with, added to the worker's own environment: which date changed, which of Spot's
/// tables and partitions, and where the outputs are.
/// </summary>
public static class HookEnvironment
{
    public const string Date = "PROXYTHREAT_DATE";
    public const string Partition = "PROXYTHREAT_PARTITION";
    public const string NewDate = "PROXYTHREAT_NEW_DATE";
    public const string Tables = "PROXYTHREAT_TABLES";
    public const string StoryboardPath = "PROXYTHREAT_STORYBOARD_PATH";
    public const string TimelinePath = "PROXYTHREAT_TIMELINE_PATH";
    public const string IncidentsPath = "PROXYTHREAT_INCIDENTS_PATH";
    public const string Paths = "PROXYTHREAT_PATHS";
    public const string Output = "PROXYTHREAT_OUTPUT";
    public const string LocalRoot = "PROXYTHREAT_LOCAL_ROOT";

    /// <summary>
    /// Every name, so that a worker started by a hook (<c>proxythreat report --date "$PROXYTHREAT_DATE"</c>) does not
    /// take them for settings: they share the prefix of the <c>PROXYTHREAT_Section__Key</c> variables.
    /// </summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(
        [Date, Partition, NewDate, Tables, StoryboardPath, TimelinePath, IncidentsPath, Paths, Output, LocalRoot],
        StringComparer.OrdinalIgnoreCase);

    /// <param name="date">The date whose outputs changed.</param>
    /// <param name="newDate">No run of the hook has succeeded for the date yet, so its partitions may be new to the metastore.</param>
    /// <param name="layout">Where Spot's tables are under its HDFS home.</param>
    /// <param name="hdfs">Where the outputs are written.</param>
    public static IReadOnlyDictionary<string, string> For(DateOnly date, bool newDate, SpotLayout layout, HdfsOptions hdfs)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(hdfs);
        var storyboard = SpotLayout.OaPartition(layout.StoryboardTable, date);
        var timeline = SpotLayout.OaPartition(layout.TimelineTable, date);
        var incidents = layout.IncidentProgressionDirectory(date);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Date] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [Partition] = string.Create(CultureInfo.InvariantCulture, $"y={date.Year},m={date.Month},d={date.Day}"),
            [NewDate] = newDate ? "1" : "0",
            [Tables] = "proxy_storyboard proxy_timeline",
            [StoryboardPath] = storyboard,
            [TimelinePath] = timeline,
            [IncidentsPath] = incidents,
            [Paths] = string.Join(' ', storyboard, timeline, incidents),
            [Output] = hdfs.Kind.ToString().ToLowerInvariant(),
        };
        if (hdfs.Kind == HdfsKind.Local)
        {
            variables[LocalRoot] = Path.GetFullPath(hdfs.Local.Root!);
        }

        return variables;
    }
}
