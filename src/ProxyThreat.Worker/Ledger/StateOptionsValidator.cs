using Microsoft.Extensions.Options;

namespace ProxyThreat.Worker.Ledger;

/// <summary>
/// Checks the <c>State</c> section at start for what its annotations cannot say (<see cref="StateOptionsAnnotationsValidator"/>
/// checks the ranges); each message names the key.
/// </summary>
public sealed class StateOptionsValidator : IValidateOptions<StateOptions>
{
    public ValidateOptionsResult Validate(string? name, StateOptions options) =>
        options.Path is { } path && (string.IsNullOrWhiteSpace(path) || Directory.Exists(path))
            ? ValidateOptionsResult.Fail($"{StateOptions.Section}:Path must name a file for the ledger database; got '{path}'")
            : ValidateOptionsResult.Success;
}
