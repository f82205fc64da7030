using System.Text.Json;

namespace ProxyThreat.Worker.Tests.Deploy;

/// <summary>What deploy/publish.sh puts in the bundle, and what the bundle does on an edge node.</summary>
public sealed class PublishTests : IClassFixture<PublishTests.PublishedBundle>
{
    private readonly PublishedBundle _published;

    public PublishTests(PublishedBundle published)
    {
        _published = published;
    }

    private string Bundle => _published.Folder;

    [Fact]
    public async Task Publish_ShipsProductionDefaultsOnly_NoSampleConfigurationBug()
    {
        Assert.False(File.Exists(Path.Join(Bundle, "appsettings.Development.json")));
        using var settings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Join(Bundle, "appsettings.json")));
        Assert.Equal(["Serilog"], settings.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Publish_NeedsNoLibicu_InvariantGlobalization()
    {
        using var runtime = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Join(Bundle, "proxythreat.runtimeconfig.json")));

        Assert.True(runtime.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Globalization.Invariant").GetBoolean());
    }

    [Fact]
    public async Task PublishedWorker_RunFromACheckoutWithASample_DoesNotTakeTheSampleForSpotsData()
    {
        // Even where the working directory holds samples/ and DOTNET_ENVIRONMENT says Development, the bundle has no sample settings.
        var output = Path.Join(_published.Scratch, "out");
        var environment = new Dictionary<string, string>(WorkerProcess.Checkout);

        var unset = await WorkerProcess.RunDotnetAsync(Repository.Root, environment, Path.Join(Bundle, "proxythreat.dll"), "investigate", "--date", "2016-07-08", $"--Hdfs:Local:Root={output}");
        var given = await WorkerProcess.RunDotnetAsync(Repository.Root, environment, Path.Join(Bundle, "proxythreat.dll"), "investigate", "--date", "2016-07-08", "--Source:Tables:Root=samples/hdfs", $"--Hdfs:Local:Root={output}", "--dry-run");

        Assert.Equal(2, unset.ExitCode);
        Assert.StartsWith("proxythreat: configuration: Source:Tables:Root is not set", unset.Error, StringComparison.Ordinal);
        Assert.True(given.ExitCode == 0, given.Error);
        Assert.Contains("total 2016-07-08: 4 threats (4 dry-run)", given.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("story from decision", given.Output, StringComparison.Ordinal);
    }

    /// <summary>One publish for all the tests of the class.</summary>
    public sealed class PublishedBundle : IAsyncLifetime
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("proxythreat-publish-");

        public string Folder => Path.Join(_dir.FullName, "bundle");

        public string Scratch => _dir.FullName;

        public async Task InitializeAsync()
        {
            // Framework-dependent keeps this fast; what differs from publish.sh's self-contained bundle is the runtime's own files.
            var (code, output, error) = await WorkerProcess.RunDotnetAsync(Repository.Root, null, "publish", Repository.Path("src", "ProxyThreat.Worker"), "-c", "Release", "--no-restore", "-o", Folder, "-nologo");
            Assert.True(code == 0, output + error);
        }

        public Task DisposeAsync()
        {
            _dir.Delete(recursive: true);
            return Task.CompletedTask;
        }
    }
}
