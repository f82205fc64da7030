using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Worker.Cli;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Scheduling;
using Quartz;

namespace ProxyThreat.Worker.Tests;

public sealed class WorkerHostTests : IDisposable
{
    private readonly DirectoryInfo _program = Directory.CreateTempSubdirectory("proxythreat-program-");

    public void Dispose() => _program.Delete(recursive: true);

    [Fact]
    public async Task Build_BrokenAppsettingsBesideTheExecutable_UsageErrorNamingFileLineAndPosition()
    {
        var settings = Path.Join(_program.FullName, "appsettings.json");
        await File.WriteAllTextAsync(settings, "{\n  \"Spot\": { \"Root\": \"/user/spot\" }\n  \"Investigation\": {}\n}\n");

        var error = Assert.Throws<UsageException>(() => WorkerHost.Build(CommandLine.Parse(["check"]), _program.FullName));

        Assert.StartsWith($"configuration file '{settings}' is not valid JSON at line 3, position 3: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SecondsKeysOfTheLastRelease_WorkAsTheirDurationKeysWithAWarningNamingTheNewKey()
    {
        var log = Path.Join(_program.FullName, "worker.log");
        using (var host = Build("--Investigation:TimelineGapSeconds=60", "--Schedule:ShutdownSeconds=12", "--Source:GraphQL:TimeoutSeconds=7.5", "--Serilog:WriteTo:0:Name=File", $"--Serilog:WriteTo:0:Args:path={log}"))
        {
            Assert.Equal(TimeSpan.FromMinutes(1), host.Services.GetRequiredService<IOptions<InvestigationOptions>>().Value.TimelineGap);
            Assert.Equal(TimeSpan.FromSeconds(12), host.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value.ShutdownTimeout);
            Assert.Equal(TimeSpan.FromSeconds(7.5), host.Services.GetRequiredService<IOptions<SourceOptions>>().Value.GraphQL.Timeout);
        }

        var written = File.ReadAllText(log);
        Assert.Contains("Investigation:TimelineGapSeconds is renamed Investigation:TimelineGap and stops working in the next release: set Investigation:TimelineGap=00:01:00 instead", written, StringComparison.Ordinal);
        Assert.Contains("set Schedule:ShutdownTimeout=00:00:12 instead", written, StringComparison.Ordinal);
        Assert.Contains("set Source:GraphQL:Timeout=00:00:07.5000000 instead", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"TimelineGapSeconds\": 60", "--Investigation:TimelineGap=00:02:00", 2)]
    [InlineData("\"TimelineGap\": \"00:02:00\"", "--Investigation:TimelineGapSeconds=60", 1)]
    public async Task Build_OldAndNewKeyInDifferentLayers_TheHigherLayerWins(string appsettings, string argument, int minutes)
    {
        await File.WriteAllTextAsync(Path.Join(_program.FullName, "appsettings.json"), $"{{ \"Investigation\": {{ {appsettings} }} }}");

        using var host = Build(argument);

        Assert.Equal(TimeSpan.FromMinutes(minutes), host.Services.GetRequiredService<IOptions<InvestigationOptions>>().Value.TimelineGap);
    }

    [Fact]
    public void Build_RetryKeysOfTheScheduleSection_WorkAsTheStateKeysWithAWarningNamingTheNewKey()
    {
        var log = Path.Join(_program.FullName, "worker.log");
        using (var host = Build("--Schedule:MaxAttempts=3", "--Schedule:RetryDelay=00:05:00", "--Serilog:WriteTo:0:Name=File", $"--Serilog:WriteTo:0:Args:path={log}"))
        {
            var state = host.Services.GetRequiredService<IOptions<StateOptions>>().Value;
            Assert.Equal((3, TimeSpan.FromMinutes(5)), (state.MaxAttempts, state.RetryDelay));
        }

        var written = File.ReadAllText(log);
        Assert.Contains("Schedule:MaxAttempts is renamed State:MaxAttempts and stops working in the next release: set State:MaxAttempts=3 instead", written, StringComparison.Ordinal);
        Assert.Contains("Schedule:RetryDelay is renamed State:RetryDelay and stops working in the next release: set State:RetryDelay=00:05:00 instead", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"Schedule\": { \"MaxAttempts\": 7 } }", "--State:MaxAttempts=2", 2)]
    [InlineData("{ \"State\": { \"MaxAttempts\": 7 } }", "--Schedule:MaxAttempts=2", 2)]
    [InlineData("{ \"Schedule\": { \"MaxAttempts\": 7 } }", "--Schedule:LookbackDays=3", 7)]
    public async Task Build_KeyMovedToAnotherSection_TheHigherLayerOfEitherKeyWins(string appsettings, string argument, int attempts)
    {
        await File.WriteAllTextAsync(Path.Join(_program.FullName, "appsettings.json"), appsettings);

        using var host = Build(argument);

        Assert.Equal(attempts, host.Services.GetRequiredService<IOptions<StateOptions>>().Value.MaxAttempts);
    }

    [Fact]
    public void Build_OldKeyWithAValueItsNewKeyRefuses_UsageErrorSaysTheOldKeyWasRenamed()
    {
        var error = Assert.Throws<UsageException>(() => Build("--Schedule:ShutdownSeconds=0"));

        Assert.Equal(
            "configuration: Schedule:ShutdownTimeout must be from 00:00:01 to 01:00:00; got 00:00:00; Schedule:ShutdownSeconds is renamed Schedule:ShutdownTimeout and stops working in the next release: set Schedule:ShutdownTimeout=00:00:00 instead",
            error.Message);
    }

    [Fact]
    public void Build_OldKeyNotANumberOfSeconds_UsageErrorNamingBothKeys()
    {
        var error = Assert.Throws<UsageException>(() => Build("--Schedule:ShutdownSeconds=00:00:30"));

        Assert.Equal("configuration: Schedule:ShutdownSeconds '00:00:30' is not a number of seconds (the key is renamed Schedule:ShutdownTimeout: write a duration such as 00:05:00)", error.Message);
    }

    [Fact]
    public void Build_FaultOfTheWiringNotTheConfiguration_SurfacesAsItselfNotAsAConfigurationError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WorkerHost.Build(
            CommandLine.Parse(["check", $"--Source:Tables:Root={_program.FullName}", $"--Hdfs:Local:Root={_program.FullName}"]),
            _program.FullName,
            services => services.AddOptions<HostOptions>().Configure(_ => throw new InvalidOperationException("a wiring fault"))));

        Assert.Equal("a wiring fault", error.Message);
    }

    [Fact]
    public void Build_UnknownKeyInAKnownSection_UsageErrorNamingTheKey()
    {
        var error = Assert.Throws<UsageException>(() => Build("--Investigation:TopResult=5"));

        Assert.Contains("unknown configuration key Investigation:TopResult", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", true)]
    [InlineData("status", false)]
    [InlineData("check", false)]
    public void Build_TheScheduler_OnlyForTheServiceThatStartsIt(string verb, bool scheduled)
    {
        using var host = WorkerHost.Build(CommandLine.Parse([verb, $"--Source:Tables:Root={_program.FullName}", $"--Hdfs:Local:Root={_program.FullName}"]), _program.FullName);

        Assert.Equal(scheduled, host.Services.GetService<ISchedulerFactory>() is not null);
        Assert.NotNull(host.Services.GetService<IOptions<ScheduleOptions>>());
    }

    private IHost Build(params string[] settings) =>
        WorkerHost.Build(CommandLine.Parse(["check", $"--Source:Tables:Root={_program.FullName}", $"--Hdfs:Local:Root={_program.FullName}", .. settings]), _program.FullName);
}
