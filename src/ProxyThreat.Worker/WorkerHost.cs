using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline;
using ProxyThreat.Worker.Cli;
using ProxyThreat.Worker.Scheduling;
using Serilog;

namespace ProxyThreat.Worker;

/// <summary>Builds the host: configuration in its layers, Serilog, the pipeline; validates it all before any work.</summary>
public static class WorkerHost
{
    public const string EnvironmentPrefix = "PROXYTHREAT_";

    private static readonly string[] KnownSections = ["Source", "Hdfs", "Spot", "Investigation", "State", "Schedule", "Serilog"];

    // The host's own settings live in the same configuration.
    private static readonly string[] HostKeys = [HostDefaults.ContentRootKey, HostDefaults.EnvironmentKey, HostDefaults.ApplicationKey];

    /// <summary>
    /// Configuration, last wins: appsettings.json beside the executable, the <c>--config</c> file, environment
    /// variables <c>PROXYTHREAT_Section__Key</c>, then <c>--Section:Key=value</c> arguments.
    /// </summary>
    public static IHost Build(Command command, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddJsonFile(Path.Join(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (command.ConfigPath is { } config)
        {
            var path = Path.GetFullPath(config);
            if (!File.Exists(path))
            {
                throw new UsageException($"--config file '{path}' does not exist");
            }

            builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(command.Settings);
        CheckSections(builder.Configuration);

        // The console sink colours only a terminal; the journal stamps its own time. File and compact-JSON sinks
        // come from the Serilog section (WriteTo: File, with CompactJsonFormatter if wanted).
        var template = Journal.IsOutput ? "[{Level:u3}] {Message:lj}{NewLine}{Exception}" : "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose, outputTemplate: template));
        builder.Services.AddSystemd();
        builder.Services.AddProxyThreatPipeline();
        builder.Services.AddProxyThreatScheduling();
        configureServices?.Invoke(builder.Services);

        // Building resolves the host's lifetime, whose options read Schedule:ShutdownSeconds: a bad value can surface here already.
        var host = Checked(builder.Build);
        try
        {
            Checked(() =>
            {
                host.Services.GetRequiredService<IStartupValidator>().Validate();
                return host;
            });
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>Runs a step that binds and validates options, turning a bad value into one usage error naming every key at fault.</summary>
    private static T Checked<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException or InvalidOperationException)
        {
            throw new UsageException("configuration: " + string.Join("; ", Failures(ex)), ex);
        }
    }

    private static IEnumerable<string> Failures(Exception ex) => ex switch
    {
        OptionsValidationException options => options.Failures,
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Failures),
        _ => [ex.Message],
    };

    private static void CheckSections(ConfigurationManager configuration)
    {
        foreach (var section in configuration.GetChildren())
        {
            if (!KnownSections.Contains(section.Key, StringComparer.OrdinalIgnoreCase) && !HostKeys.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"configuration: unknown section '{section.Key}' (known: {string.Join(", ", KnownSections)})");
            }
        }
    }
}
