using Microsoft.Extensions.Logging;
using Quartz;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>Logs the firings that did not happen because the previous one was still running.</summary>
public sealed class FiringListener : ITriggerListener
{
    private readonly ILogger<FiringListener> _logger;

    public FiringListener(ILogger<FiringListener> logger)
    {
        _logger = logger;
    }

    public string Name => "proxythreat-firings";

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        Log.FiringSkipped(_logger, trigger.NextFireTimeUtc);
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        Log.FiringSkipped(_logger, trigger.NextFireTimeUtc);
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
