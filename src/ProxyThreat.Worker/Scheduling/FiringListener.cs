using Microsoft.Extensions.Logging;
using Quartz;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>Logs the firings that did not happen because the previous one was still running.</summary>
public sealed class FiringListener : ITriggerListener
{
    private readonly FiringMonitor _monitor;
    private readonly ILogger<FiringListener> _logger;

    public FiringListener(FiringMonitor monitor, ILogger<FiringListener> logger)
    {
        _monitor = monitor;
        _logger = logger;
    }

    public string Name => "proxythreat-firings";

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        _monitor.OnFiringSkipped();
        Log.FiringSkipped(_logger, trigger.NextFireTimeUtc);
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        _monitor.OnFiringSkipped();
        Log.FiringSkipped(_logger, trigger.NextFireTimeUtc);
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
