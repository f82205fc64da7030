using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline;
using ProxyThreat.Worker.Ledger;
using Quartz;

namespace ProxyThreat.Worker.Scheduling;

/// <summary>Registers the schedule's settings and the scheduler that runs <see cref="InvestigationJob"/> while the host runs.</summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <param name="services">The host's services.</param>
    /// <param name="scheduler">
    /// Whether to add the scheduler, which only the service (the run verb) starts: a one-shot verb would spend a
    /// part of its start building and validating it. The schedule's settings are validated either way.
    /// </param>
    public static IServiceCollection AddProxyThreatScheduling(this IServiceCollection services, bool scheduler)
    {
        services.AddValidatedOptions<ScheduleOptions, ScheduleOptionsValidator, ScheduleOptionsAnnotationsValidator>(ScheduleOptions.Section);
        services.AddOptions<HostOptions>()
            .Configure<IOptions<ScheduleOptions>>((host, schedule) => host.ShutdownTimeout = schedule.Value.ShutdownTimeout);
        if (!scheduler)
        {
            return services;
        }

        services.AddQuartz(q =>
        {
            q.AddJob<InvestigationJob>(j => j.WithIdentity(InvestigationJob.Key).StoreDurably());

            // Once at start: this also covers the firings missed while the service was down, once.
            q.AddTrigger(t => t.ForJob(InvestigationJob.Key).WithIdentity("at-start", "proxythreat").StartNow());
            q.AddTrigger((sp, t) =>
            {
                var schedule = sp.GetRequiredService<IOptions<ScheduleOptions>>().Value;
                Log.SchedulerStarted(sp.GetRequiredService<ILogger<InvestigationJob>>(), schedule.Cron, schedule.TimeZone, schedule.LookbackDays, sp.GetRequiredService<ThreatLedger>().Path);
                t.ForJob(InvestigationJob.Key)
                    .WithIdentity("cron", "proxythreat")
                    .WithMisfireThreshold(ScheduleDefaults.MisfireThreshold)
                    .WithOverlapPolicy(OverlapPolicy.Skip)
                    .WithCronSchedule(schedule.Cron, c => c.InTimeZone(LookbackWindow.Zone(schedule)).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing));
            });
            q.AddTriggerListener<FiringListener>();
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
