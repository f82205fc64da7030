using Microsoft.Extensions.Options;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>
/// Checks the <c>Investigation</c> section at start for what its annotations cannot say
/// (<see cref="InvestigationOptionsAnnotationsValidator"/> checks the ranges); each message names the key.
/// </summary>
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

        // Spot's timeline counts in whole seconds, and the incident files record the gap so.
        if (options.TimelineGap.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"{S}:TimelineGap must be whole seconds; got {options.TimelineGap}");
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
