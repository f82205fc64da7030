using Microsoft.Extensions.Options;

namespace ProxyThreat.Worker.Ledger;

/// <summary>Checks the <c>State</c> section at start; each message names the key.</summary>
public sealed class StateOptionsValidator : IValidateOptions<StateOptions>
{
    public ValidateOptionsResult Validate(string? name, StateOptions options)
    {
        if (options.Path is { } path && (string.IsNullOrWhiteSpace(path) || Directory.Exists(path)))
        {
            return ValidateOptionsResult.Fail($"{StateOptions.Section}:Path must name a file for the ledger database; got '{path}'");
        }

        return ValidateOptionsResult.Success;
    }
}
