using System.Reflection;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Configuration;
using Serilog.Settings.Configuration;

namespace ProxyThreat.Worker.Logging;

/// <summary>
/// Checks the <c>Serilog</c> section the way the other sections are checked: Serilog.Settings.Configuration
/// silently skips a sink it cannot find (a misspelt or lowercase name, a misspelt required argument) and
/// an argument no overload takes, so a typo would lose the log file without a word.
/// </summary>
internal static class SerilogSection
{
    public const string Name = "Serilog";

    private static readonly string[] KnownKeys = ["Using", "MinimumLevel", "WriteTo", "AuditTo", "Enrich", "Properties", "Filter", "Destructure", "LevelSwitches"];

    // The sinks the worker ships with; a published bundle cannot load others.
    private static readonly Assembly[] SinkAssemblies = [typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly];

    /// <summary>
    /// Reads the section with Serilog's own configuration methods and the shipped sinks, named outright: left to
    /// find them, the reader opens every assembly beside the executable, a twentieth of a short run.
    /// </summary>
    public static ConfigurationReaderOptions ReaderOptions => new([typeof(LoggerConfiguration).Assembly, .. SinkAssemblies]);

    /// <summary>One message per fault, each naming the key.</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration)
    {
        var section = configuration.GetSection(Name);
        foreach (var child in section.GetChildren())
        {
            if (!KnownKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"unknown configuration key {child.Path} (known: {string.Join(", ", KnownKeys)})";
            }
        }

        foreach (var (key, target) in new[] { ("WriteTo", typeof(LoggerSinkConfiguration)), ("AuditTo", typeof(LoggerAuditSinkConfiguration)) })
        {
            foreach (var sink in section.GetSection(key).GetChildren())
            {
                if (Problem(sink, target) is { } problem)
                {
                    yield return problem;
                }
            }
        }
    }

    private static string? Problem(IConfigurationSection sink, Type target)
    {
        // "WriteTo": ["Console"] names a sink without arguments.
        var name = sink.Value ?? sink["Name"];
        var args = sink.GetSection("Args").GetChildren().Select(a => a.Key).ToList();
        var methods = SinkMethods(target);
        var known = string.Join(", ", methods.Select(m => m.Name).Distinct().Order(StringComparer.Ordinal));
        if (string.IsNullOrEmpty(name))
        {
            return $"{sink.Path} names no sink: set {sink.Path}:Name to one of {known}";
        }

        var overloads = methods.Where(m => m.Name == name).ToList();
        if (overloads.Count == 0)
        {
            return $"{sink.Path}:Name '{name}' is not a sink the worker includes ({known}; names are case-sensitive)";
        }

        if (overloads.Any(m => Accepts(m, args)))
        {
            return null;
        }

        var parameters = overloads.SelectMany(m => m.GetParameters().Skip(1)).ToList();
        var unknown = args.Where(a => !parameters.Any(p => Is(p, a))).ToList();
        var required = parameters.Where(p => !p.IsOptional).Select(p => p.Name!).Distinct().Where(p => !args.Any(a => string.Equals(a, p, StringComparison.OrdinalIgnoreCase)));
        return unknown.Count > 0
            ? $"{sink.Path}:Args: {name} takes no argument {string.Join(", ", unknown)} (it takes {string.Join(", ", parameters.Select(p => p.Name).Distinct())})"
            : $"{sink.Path}:Args: {name} needs {string.Join(", ", required)}";
    }

    /// <summary>True when every argument given names one of the method's parameters and every required parameter is given.</summary>
    private static bool Accepts(MethodInfo method, IReadOnlyList<string> args)
    {
        var parameters = method.GetParameters().Skip(1).ToList();
        return args.All(a => parameters.Any(p => Is(p, a))) && parameters.All(p => p.IsOptional || args.Any(a => Is(p, a)));
    }

    private static bool Is(ParameterInfo parameter, string arg) => string.Equals(parameter.Name, arg, StringComparison.OrdinalIgnoreCase);

    private static List<MethodInfo> SinkMethods(Type target) =>
        SinkAssemblies
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters() is [var first, ..] && first.ParameterType == target)
            .ToList();
}
