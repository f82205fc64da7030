using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Checks;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Worker.Hooks;

/// <summary>
/// <c>Hooks:AfterDate</c>: after a date's writes finish (investigate, backfill, a firing; never a dry run), runs the
/// configured program once if anything of the date changed since it last succeeded, logs its output and records its
/// outcome in the ledger. A failed hook leaves the outputs as written and is run again the next time the date is
/// looked at.
/// </summary>
public sealed class AfterDateHook
{
    private const string Key = $"{HookOptions.Section}:{nameof(HookOptions.AfterDate)}";

    private readonly HookOptions _options;
    private readonly HookLedger _ledger;
    private readonly SpotLayout _layout;
    private readonly HdfsOptions _hdfs;
    private readonly TimeProvider _time;
    private readonly ILogger<AfterDateHook> _logger;

    public AfterDateHook(IOptions<HookOptions> options, HookLedger ledger, SpotLayout layout, IOptions<HdfsOptions> hdfs, TimeProvider time, ILogger<AfterDateHook> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hdfs);
        _options = options.Value;
        _ledger = ledger;
        _layout = layout;
        _hdfs = hdfs.Value;
        _time = time;
        _logger = logger;
    }

    public bool IsConfigured => _options.AfterDate is { Length: > 0 };

    /// <summary>Records that a threat of the date was written, before its success is; does nothing without a hook.</summary>
    public Task MarkChangedAsync(DateOnly date) =>
        IsConfigured ? _ledger.MarkChangedAsync(date, CancellationToken.None) : Task.CompletedTask;

    /// <summary>Runs the hook for the date if it is due; null where it was not (no hook, or nothing changed since it last succeeded).</summary>
    /// <param name="date">The date whose writes just finished.</param>
    /// <param name="cancellationToken">Kills a running hook; the date then stays due.</param>
    public async Task<HookResult?> RunIfDueAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (!IsConfigured || await _ledger.ReadAsync(date, cancellationToken) is not { IsDue: true } entry)
        {
            return null;
        }

        var argv = _options.AfterDate!;
        var (program, problem) = HookProgram.Resolve($"{Key}:0", argv[0]);
        var environment = HookEnvironment.For(date, entry.LastSuccessAt is null, _layout, _hdfs);
        // Only the program: an argument may be a password (beeline -p).
        Log.HookStarting(_logger, date, argv[0], argv.Length - 1);
        HookResult result;
        try
        {
            result = program is null
                ? new HookResult(HookOutcome.NotStarted, null, TimeSpan.Zero, problem)
                : await HookProcess.RunAsync(
                    program,
                    argv[1..],
                    environment,
                    _options.Timeout,
                    line => Log.HookOutput(_logger, date, line),
                    line => Log.HookError(_logger, date, line),
                    _time,
                    cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Log.HookStopped(_logger, date);
            throw;
        }

        await _ledger.RecordAsync(date, entry.Changes, result, _time.GetUtcNow(), CancellationToken.None);
        if (result.Succeeded)
        {
            Log.HookSucceeded(_logger, date, result.Describe());
        }
        else
        {
            Log.HookFailed(_logger, date, result.Describe(), entry.Failures + 1);
        }

        return result;
    }

    /// <summary>The <c>check</c> line of the hook: its program runs for this user, and the shipped unit's sandbox does not hide it; null without a hook.</summary>
    public CheckResult? Check()
    {
        if (!IsConfigured)
        {
            return null;
        }

        const string Name = "after-date hook";
        var started = _time.GetTimestamp();
        var (program, problem) = HookProgram.Resolve($"{Key}:0", _options.AfterDate![0]);
        if (program is null)
        {
            return new CheckResult(Name, false, _time.GetElapsedTime(started), problem!);
        }

        var detail = $"{Key} runs {program}, a file user {HookProgram.User} may execute, with a timeout of {_options.Timeout} (Hooks:Timeout)";
        if (HookProgram.HiddenBySandbox(program) is { } hidden)
        {
            return new CheckResult(Name, true, _time.GetElapsedTime(started), $"{detail}; but the shipped unit hides {hidden}, so the service cannot run it there: move it, e.g. to /etc/proxythreat", Warning: true);
        }

        return new CheckResult(Name, true, _time.GetElapsedTime(started), detail);
    }
}
