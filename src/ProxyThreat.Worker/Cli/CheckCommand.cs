using System.Globalization;
using ProxyThreat.Pipeline.Checks;

namespace ProxyThreat.Worker.Cli;

/// <summary>The <c>check</c> verb: one line per check with the time it took; exit 1 if any failed.</summary>
public sealed class CheckCommand
{
    private readonly ReadinessCheck _check;

    public CheckCommand(ReadinessCheck check)
    {
        _check = check;
    }

    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        // The host validated every setting before this runs.
        await output.WriteLineAsync("ok    configuration valid");
        var failed = 0;
        await foreach (var result in _check.RunAsync(cancellationToken))
        {
            failed += result.Passed ? 0 : 1;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{(!result.Passed ? "FAIL" : result.Warning ? "warn" : "ok"),-5} {result.Name} ({result.Elapsed.TotalMilliseconds:0} ms): {result.Detail}"));
        }

        return failed == 0 ? 0 : 1;
    }
}
