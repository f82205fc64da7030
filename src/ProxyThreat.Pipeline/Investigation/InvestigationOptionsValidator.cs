using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>Checks the <c>Investigation</c> section at start; each message names the key.</summary>
public sealed class InvestigationOptionsValidator : IValidateOptions<InvestigationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvestigationOptions options)
    {
        var failures = new List<string>();
        const string S = InvestigationOptions.Section;
        if (options.Severities is { } severities && (severities.Length == 0 || severities.Any(s => s is < 1 or > 3)))
        {
            failures.Add($"{S}:Severities must list scores from 1 (high) to 3 (low); got [{string.Join(", ", severities)}]");
        }

        if (options.TopResults is < 1 or > InvestigationDefaults.MaxTopResults)
        {
            failures.Add($"{S}:TopResults must be from 1 to {InvestigationDefaults.MaxTopResults}; got {options.TopResults}");
        }

        if (options.TimelineGapSeconds is < 0 or > InvestigationDefaults.MaxTimelineGapSeconds)
        {
            failures.Add($"{S}:TimelineGapSeconds must be from 0 to {InvestigationDefaults.MaxTimelineGapSeconds}; got {options.TimelineGapSeconds}");
        }

        if (options.MaxParallelThreats is < 1 or > InvestigationDefaults.MaxParallelThreatsLimit)
        {
            failures.Add($"{S}:MaxParallelThreats must be from 1 to {InvestigationDefaults.MaxParallelThreatsLimit}; got {options.MaxParallelThreats}");
        }

        if (options.DecisionsFile is { } path && !File.Exists(path))
        {
            failures.Add($"{S}:DecisionsPath names '{Path.GetFullPath(path)}', which does not exist");
        }

        if (!Enum.IsDefined(options.MissingDecision))
        {
            failures.Add($"{S}:MissingDecision must be generate or skip");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
