using ProxyThreat.Pipeline;

namespace ProxyThreat.Worker.Hooks;

/// <summary>Configuration section <c>Hooks</c>: a program run after a date's writes, so that others (Impala, Hive) see them.</summary>
public sealed class HookOptions
{
    public const string Section = "Hooks";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public const string MinTimeout = "00:00:00.1";

    public const string MaxTimeout = "1.00:00:00";

    /// <summary>
    /// The program and its arguments, one list element each (<c>Hooks:AfterDate:0</c>, <c>:1</c>, ...), run without a
    /// shell after the writes of a date changed it. Unset: no hook.
    /// </summary>
    public string[]? AfterDate { get; set; }

    /// <summary>How long one run may take; then it is killed with every process it started.</summary>
    [KeyRange(typeof(TimeSpan), MinTimeout, MaxTimeout)]
    public TimeSpan Timeout { get; set; } = DefaultTimeout;
}
