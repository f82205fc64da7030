using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProxyThreat.Worker.Cli;

namespace ProxyThreat.Worker.Tests.Configuration;

/// <summary>
/// The worker's own wiring (<see cref="WorkerHost.Build(Command, Action{Microsoft.Extensions.DependencyInjection.IServiceCollection}?)"/>)
/// over settings given as arguments, after a local source and output that pass, so only the settings under test can fail.
/// </summary>
internal static class WorkerSettings
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings) =>
        WorkerHost.Build(CommandLine.Parse(
        [
            "run",
            $"--Source:Tables:Root={Path.GetTempPath()}",
            $"--Hdfs:Local:Root={Path.GetTempPath()}",
            .. settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}"),
        ]));

    /// <summary>The validation failures that stopped the host from being built.</summary>
    public static IReadOnlyList<string> Failures(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var error = Assert.Throws<UsageException>(() => Build(settings).Dispose());
        return Assert.IsType<OptionsValidationException>(error.InnerException).Failures.ToList();
    }
}
