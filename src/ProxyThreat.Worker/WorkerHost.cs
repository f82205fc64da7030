using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Worker.Cli;
using ProxyThreat.Worker.Hooks;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Logging;
using ProxyThreat.Worker.Notify;
using ProxyThreat.Worker.Report;
using ProxyThreat.Worker.Scheduling;
using Serilog;

namespace ProxyThreat.Worker;

/// <summary>Builds the host: configuration in its layers, Serilog, the pipeline; validates it all before any work.</summary>
public static class WorkerHost
{
    public const string EnvironmentPrefix = "PROXYTHREAT_";

    /// <summary>Names the <c>appsettings.{environment}.json</c> layered over appsettings.json, as in every .NET host.</summary>
    public const string EnvironmentVariable = "DOTNET_ENVIRONMENT";

    private static readonly string[] KnownSections =
    [
        SourceOptions.Section, HdfsOptions.Section, SpotOptions.Section, InvestigationOptions.Section, StateOptions.Section,
        ScheduleOptions.Section, ReportOptions.Section, NotifyOptions.Section, HookOptions.Section, SerilogSection.Name,
    ];

    // The host's own settings live in the same configuration.
    private static readonly string[] HostKeys = [HostDefaults.ContentRootKey, HostDefaults.EnvironmentKey, HostDefaults.ApplicationKey];

    /// <summary>
    /// Configuration, last wins: appsettings.json beside the executable (then appsettings.Development.json in the
    /// checkout), the <c>--config</c> file, environment variables <c>PROXYTHREAT_Section__Key</c>, then
    /// <c>--Section:Key=value</c> arguments.
    /// </summary>
    public static IHost Build(Command command, Action<IServiceCollection>? configureServices = null) =>
        Build(command, AppContext.BaseDirectory, configureServices);

    /// <param name="command">The parsed command line.</param>
    /// <param name="programDirectory">Where the executable and its appsettings.json are.</param>
    /// <param name="configureServices">The verbs' own services.</param>
    internal static IHost Build(Command command, string programDirectory, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        AddJsonFile(builder.Configuration, Path.Join(programDirectory, "appsettings.json"), optional: true);

        // The checkout's sample configuration: `dotnet run` sets DOTNET_ENVIRONMENT=Development; a published bundle has no such file.
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } environment)
        {
            AddJsonFile(builder.Configuration, Path.Join(programDirectory, $"appsettings.{environment}.json"), optional: true);
        }

        if (command.ConfigPath is { } config)
        {
            var path = Path.GetFullPath(config);
            if (Directory.Exists(path))
            {
                throw new UsageException($"--config '{path}' is a folder, not a file");
            }

            if (!File.Exists(path))
            {
                throw new UsageException($"--config file '{path}' does not exist");
            }

            AddJsonFile(builder.Configuration, path, optional: false);
        }

        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(command.Settings);
        CheckSections(builder.Configuration);
        var (renamed, renamedProblems) = RenamedKeys.Apply(builder.Configuration);
        if (renamedProblems.Concat(SerilogSection.Problems(builder.Configuration)).ToList() is { Count: > 0 } problems)
        {
            throw new UsageException("configuration: " + string.Join("; ", problems));
        }

        // Standard error is always a sink; file and compact-JSON sinks come from the Serilog section.
        builder.Services.AddSingleton(_ => StatusLine.ForStandardError());
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration, SerilogSection.ReaderOptions)
            .WriteTo.StandardError(services.GetRequiredService<StatusLine>()));
        builder.Services.AddSystemd();
        builder.Services.AddProxyThreatPipeline();
        builder.Services.AddProxyThreatLedger();
        builder.Services.AddProxyThreatNotify();
        builder.Services.AddProxyThreatHooks();
        builder.Services.AddProxyThreatReport();
        builder.Services.AddProxyThreatScheduling(scheduler: command.Verb == Verb.Run);
        builder.Services.AddSingleton<LedgeredInvestigation>();
        configureServices?.Invoke(builder.Services);

        // Building resolves the host's lifetime, whose options read Schedule:ShutdownTimeout: a bad value can surface here already.
        var host = Checked(builder.Build, renamed);
        try
        {
            Checked(
                () =>
                {
                    host.Services.GetRequiredService<IStartupValidator>().Validate();
                    return host;
                },
                renamed);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkerHost).FullName!);
        foreach (var warning in renamed)
        {
            Log.RenamedKey(logger, warning);
        }

        return host;
    }

    /// <summary>
    /// Runs a step that binds and validates options, turning a bad value into one usage error naming every key at
    /// fault. A value set under a renamed key is refused under its new name, so the renames in use are named too.
    /// </summary>
    private static T Checked<T>(Func<T> step, IReadOnlyList<string> renamed)
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (IsConfiguration(ex))
        {
            throw new UsageException("configuration: " + string.Join("; ", Failures(ex).Concat(renamed)), ex);
        }
    }

    // Only what a validator or the binder refused is a configuration error: anything else is a fault of the
    // wiring, and must surface as one rather than as exit 2.
    private static bool IsConfiguration(Exception ex) => ex switch
    {
        OptionsValidationException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConfiguration),
        _ => false,
    };

    private static IEnumerable<string> Failures(Exception ex) => ex switch
    {
        OptionsValidationException options => options.Failures,
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Failures),
        _ => [ex.Message],
    };

    /// <summary>Adds a JSON file, turning a file that cannot be read or parsed into one line naming the file, line and position.</summary>
    private static void AddJsonFile(ConfigurationManager configuration, string path, bool optional)
    {
        try
        {
            configuration.AddJsonFile(path, optional, reloadOnChange: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"configuration file '{path}' {JsonFault(ex)}", ex);
        }
    }

    private static string JsonFault(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line, BytePositionInLine: { } position } json)
            {
                // The reader's own message ends with its zero-based position, which we give one-based.
                var reason = json.Message;
                var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
                reason = (cut >= 0 ? reason[..cut] : reason).TrimEnd(' ', '.', '|').Replace(" Path: $", string.Empty, StringComparison.Ordinal);
                return string.Create(CultureInfo.InvariantCulture, $"is not valid JSON at line {line + 1}, position {position + 1}: {reason}");
            }

            if (inner is FormatException or UnauthorizedAccessException or IOException && inner.InnerException is null)
            {
                return $"cannot be read: {inner.Message}";
            }
        }

        return $"cannot be read: {ex.Message}";
    }

    private static void CheckSections(ConfigurationManager configuration)
    {
        foreach (var section in configuration.GetChildren())
        {
            // A worker a hook starts inherits the hook's PROXYTHREAT_DATE and the like, which are no settings.
            if (!KnownSections.Contains(section.Key, StringComparer.OrdinalIgnoreCase) && !HostKeys.Contains(section.Key, StringComparer.OrdinalIgnoreCase)
                && !HookEnvironment.Names.Contains(EnvironmentPrefix + section.Key))
            {
                throw new UsageException($"configuration: unknown section '{section.Key}' (known: {string.Join(", ", KnownSections)})");
            }
        }
    }
}
