namespace ProxyThreat.Worker.Cli;

/// <summary>A parsed command line.</summary>
/// <param name="ConfigPath">The <c>--config FILE</c>, layered over appsettings.json.</param>
/// <param name="Settings">The <c>--Section:Key=value</c> arguments, layered last.</param>
/// <param name="OnlyNew"><c>investigate --only-new</c>: only the threats the ledger says are due, as a firing does.</param>
/// <param name="DefaultRange"><c>status</c> without <c>--from</c>/<c>--to</c>: the lookback window, resolved when it runs.</param>
/// <param name="Report"><c>investigate --report</c>: write the date's report once its threats are done.</param>
/// <param name="ReportPath"><c>report --out FILE</c>: where the report goes (<c>-</c>: standard output); null for the default.</param>
public sealed record Command(
    Verb Verb,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Uris,
    bool DryRun,
    string? ConfigPath,
    IReadOnlyDictionary<string, string?> Settings,
    bool OnlyNew = false,
    bool DefaultRange = false,
    bool Report = false,
    string? ReportPath = null)
{
    public IEnumerable<DateOnly> Dates
    {
        get
        {
            for (var date = From; date <= To; date = date.AddDays(1))
            {
                yield return date;
            }
        }
    }
}
