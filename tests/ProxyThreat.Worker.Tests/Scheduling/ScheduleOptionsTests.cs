using ProxyThreat.Worker.Cli;

namespace ProxyThreat.Worker.Tests.Scheduling;

public sealed class ScheduleOptionsTests
{
    [Theory]
    [InlineData("Schedule:Cron 'every day' is not a Quartz cron expression", "--Schedule:Cron=every day")]
    [InlineData("Schedule:LookbackDays must be from 1 to 31; got 0", "--Schedule:LookbackDays=0")]
    [InlineData("Schedule:TimeZone 'Mars/Olympus' is not a time zone", "--Schedule:TimeZone=Mars/Olympus")]
    [InlineData("State:MaxAttempts must be from 1 to 100; got 0", "--State:MaxAttempts=0")]
    [InlineData("State:RetryDelay must be from 00:00:00", "--State:RetryDelay=-00:01:00")]
    [InlineData("Schedule:ShutdownTimeout must be from 00:00:01 to 01:00:00; got 00:00:00", "--Schedule:ShutdownTimeout=0")]
    [InlineData("Schedule:Crontab", "--Schedule:Crontab=0 * * * * ?")]
    [InlineData("State:Path must name a file", "--State:Path=/")]
    [InlineData("State:File", "--State:File=x.db")]
    public void Build_BadScheduleOrState_StopsTheHostAtStartNamingTheKey(string expected, string setting)
    {
        var error = Assert.Throws<UsageException>(() => WorkerHost.Build(CommandLine.Parse(["run", setting])));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
