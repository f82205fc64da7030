using System.Globalization;
using ProxyThreat.Pipeline.Checks;
using ProxyThreat.Worker.Hooks;

namespace ProxyThreat.Worker.Cli;

/// <summary>The <c>check</c> verb: one line per check with the time it took; exit 1 if any failed.</summary>
public sealed class CheckCommand
{
    private readonly ReadinessCheck _check;
    private readonly AfterDateHook _hook;

    public CheckCommand(ReadinessCheck check, AfterDateHook hook)
    {
        _check = check;
        _hook = hook;
    }

    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        // The host validated every setting before this runs.
        await output.WriteLineAsync("ok    configuration valid");
        var failed = 0;
        await foreach (var result in Results(cancellationToken))
        {
            failed += result.Passed ? 0 : 1;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{(!result.Passed ? "FAIL" : result.Warning ? "warn" : "ok"),-5} {result.Name} ({result.Elapsed.TotalMilliseconds:0} ms): {result.Detail}"));
        }

        return failed == 0 ? 0 : 1;
    }

    private async IAsyncEnumerable<CheckResult> Results([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in _check.RunAsync(cancellationToken))
        {
            yield return result;
        }

        if (_hook.Check() is { } hook)
        {
            yield return hook;
        }
    }
}
