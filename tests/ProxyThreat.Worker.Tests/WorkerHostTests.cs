using ProxyThreat.Worker.Cli;

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
}
