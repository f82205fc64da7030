using System.Globalization;

namespace ProxyThreat.Worker.Hooks;

/// <summary>How one run of a hook ended.</summary>
public enum HookOutcome
{
    /// <summary>Exit code 0.</summary>
    Succeeded,

    /// <summary>Another exit code, or killed by a signal.</summary>
    Failed,

    /// <summary>Still running at <c>Hooks:Timeout</c>: killed, with every process it started.</summary>
    TimedOut,

    /// <summary>The program could not be started (removed or made non-executable since the worker started).</summary>
    NotStarted,
}

/// <summary>One run of a hook: its outcome, exit code, how long it took, and for a run that could not start, why.</summary>
public sealed record HookResult(HookOutcome Outcome, int? ExitCode, TimeSpan Elapsed, string? Detail = null)
{
    public bool Succeeded => Outcome == HookOutcome.Succeeded;

    /// <summary>The outcome in words, e.g. <c>exit 0 after 1.2 s</c>, <c>timed out after 300.0 s (Hooks:Timeout) and was killed</c>.</summary>
    public string Describe() => Outcome switch
    {
        HookOutcome.TimedOut => $"timed out after {Duration} (Hooks:Timeout) and was killed",
        HookOutcome.NotStarted => $"could not start: {Detail}",
        _ => $"exit {ExitCode} after {Duration}",
    };

    private string Duration => Elapsed < TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalMilliseconds:0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalSeconds:0.0} s");
}
