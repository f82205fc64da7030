namespace ProxyThreat.Worker.Cli;

/// <summary>A parsed command line.</summary>
/// <param name="ConfigPath">The <c>--config FILE</c>, layered over appsettings.json.</param>
/// <param name="Settings">The <c>--Section:Key=value</c> arguments, layered last.</param>
public sealed record Command(
    Verb Verb,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Uris,
    bool DryRun,
    string? ConfigPath,
    IReadOnlyDictionary<string, string?> Settings)
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
