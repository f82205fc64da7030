using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using ProxyThreat.Worker.Scheduling;
using Quartz;

namespace ProxyThreat.Worker.Tests.Scheduling;

/// <summary>
/// A Quartz listener the tests add to the worker's scheduler: every firing's summary in order, and the cron
/// firings skipped because the previous one was still running.
/// </summary>
internal sealed class FiringRecorder : IJobListener, ITriggerListener
{
    private static readonly TriggerKey Cron = new("cron", "proxythreat");

    private readonly Channel<FiringSummary> _firings = Channel.CreateUnbounded<FiringSummary>();
    private IScheduler _scheduler = null!;
    private int _skips;

    public string Name => "tests-firing-recorder";

    /// <summary>The last firing's summary.</summary>
    public FiringSummary? Last { get; private set; }

    public int Skipped => Volatile.Read(ref _skips);

    /// <summary>
    /// Runs at the end of each firing, before the next one can start (the job does not run concurrently), so what
    /// it reads is the state that firing left, however late the test itself gets to look.
    /// </summary>
    public Func<FiringSummary, Task>? AtEachFiring { get; private init; }

    /// <summary>Adds the recorder to the host's scheduler, before the host starts it.</summary>
    public static async Task<FiringRecorder> AttachAsync(IServiceProvider services, Func<FiringSummary, Task>? atEachFiring = null)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var recorder = new FiringRecorder { _scheduler = scheduler, AtEachFiring = atEachFiring };
        scheduler.ListenerManager.AddJobListener(recorder, [Matchers.Key(InvestigationJob.Key)]);
        scheduler.ListenerManager.AddTriggerListener(recorder, [Matchers.AllTriggers()]);
        return recorder;
    }

    /// <summary>The next firing's summary, waiting at most 30 s for it.</summary>
    public async Task<FiringSummary> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _firings.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>
    /// Returns once the cron firing now due is later than the misfire threshold, so that Quartz skips it rather
    /// than running it late: a wait worked out from the trigger's own due time.
    /// </summary>
    public async Task UntilCronFiringMisfiresAsync()
    {
        var due = (await _scheduler.GetTrigger(Cron))?.NextFireTimeUtc ?? throw new InvalidOperationException("the cron trigger has no next firing");
        var late = due + ScheduleDefaults.MisfireThreshold + TimeSpan.FromMilliseconds(100) - TimeProvider.System.GetUtcNow();
        if (late > TimeSpan.Zero)
        {
            await Task.Delay(late, TimeProvider.System);
        }
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Result is FiringSummary summary)
        {
            if (AtEachFiring is { } observe)
            {
                await observe(summary);
            }

            Last = summary;
            _firings.Writer.TryWrite(summary);
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => Skip();

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => Skip();

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    private ValueTask Skip()
    {
        Interlocked.Increment(ref _skips);
        return ValueTask.CompletedTask;
    }
}
