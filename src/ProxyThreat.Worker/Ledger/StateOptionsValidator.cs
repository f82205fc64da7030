using Microsoft.Extensions.Options;

namespace ProxyThreat.Worker.Ledger;

/// <summary>Checks the <c>State</c> section at start; each message names the key.</summary>
public sealed class StateOptionsValidator : IValidateOptions<StateOptions>
{
    public ValidateOptionsResult Validate(string? name, StateOptions options)
    {
        var failures = new List<string>();
        const string S = StateOptions.Section;
        if (options.Path is { } path && (string.IsNullOrWhiteSpace(path) || Directory.Exists(path)))
        {
            failures.Add($"{S}:Path must name a file for the ledger database; got '{path}'");
        }

        if (options.MaxAttempts is < 1 or > StateDefaults.MaxAttemptsLimit)
        {
            failures.Add($"{S}:MaxAttempts must be from 1 to {StateDefaults.MaxAttemptsLimit}; got {options.MaxAttempts}");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > StateDefaults.MaxRetryDelay)
        {
            failures.Add($"{S}:RetryDelay must be from 00:00:00 to {StateDefaults.MaxRetryDelay}; got {options.RetryDelay}");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
