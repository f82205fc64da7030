using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Worker.Tests.Scheduling;

namespace ProxyThreat.Worker.Tests.Report;

/// <summary>Report:Publish under the real service: the report lands beside the date's incident files after a firing that changed the date.</summary>
public sealed class ReportPublisherTests : IAsyncLifetime
{
    private static readonly string A = ServiceHarness.Uri(1);
    private static readonly string B = ServiceHarness.Uri(2);
    private readonly ServiceHarness _service = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _service.CleanUpAsync();

    private string ReportPath => Path.Join(_service.HdfsRoot, new SpotLayout("/user/spot").ReportPath(ServiceHarness.Today));

    [Fact]
    public async Task Firing_PublishOn_WritesTheDatesReportBesideItsIncidentFiles()
    {
        await _service.SeedAsync([A, B]);
        await _service.DecideAsync([(B, "Noise", "dismiss")]);
        await _service.StartAsync("--Report:Publish=true");

        await _service.FiringsUntilAsync(f => f.Outcomes.Count > 0);

        var html = await File.ReadAllTextAsync(ReportPath);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(A, html, StringComparison.Ordinal);
        Assert.DoesNotContain(B, html, StringComparison.Ordinal);
        Assert.Contains("<dt>Dismissed</dt><dd>1</dd>", html, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(ReportPath)!, ".report.html*"));
    }

    [Fact]
    public async Task Firing_NothingChanged_LeavesTheReportAsItWas()
    {
        await _service.SeedAsync([A]);
        await _service.StartAsync("--Report:Publish=true");
        await _service.FiringsUntilAsync(f => f.Outcomes.Count > 0);
        var written = File.GetLastWriteTimeUtc(ReportPath);
        File.SetLastWriteTimeUtc(ReportPath, written.AddHours(-1));

        var idle = await _service.NextFiringAsync();

        Assert.Empty(idle.Outcomes);
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(ReportPath));
    }

    [Fact]
    public async Task Firing_PublishOff_WritesNoReport()
    {
        await _service.SeedAsync([A]);
        await _service.StartAsync();

        await _service.FiringsUntilAsync(f => f.Outcomes.Count > 0);

        Assert.True(File.Exists(_service.ProgressionPath(A)));
        Assert.False(File.Exists(ReportPath));
    }
}
