using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ProxyThreat.Worker.Hooks;

/// <summary>
/// Checks the <c>Hooks</c> section at start: the hook is a list, not a shell string, and its program exists and is
/// executable by the worker's user, so a wrong path stops the worker at once instead of failing after every write.
/// <see cref="HookOptionsAnnotationsValidator"/> checks the timeout's range.
/// </summary>
public sealed class HookOptionsValidator : IValidateOptions<HookOptions>
{
    private readonly IConfiguration _configuration;

    public HookOptionsValidator(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    public ValidateOptionsResult Validate(string? name, HookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var key = $"{HookOptions.Section}:{nameof(HookOptions.AfterDate)}";

        // The binder drops a plain string bound to a list without a word: the hook would silently never run.
        if (_configuration.GetSection(key).Value is { } text)
        {
            failures.Add($"{key} '{text}' is a string; it must be a list, the program then each argument (no shell): \"AfterDate\": [\"/etc/proxythreat/refresh.sh\"], or {key}:0=PROGRAM {key}:1=ARGUMENT");
        }
        else if (options.AfterDate is { Length: > 0 } argv && HookProgram.Resolve($"{key}:0", argv[0]).Problem is { } problem)
        {
            failures.Add(problem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
