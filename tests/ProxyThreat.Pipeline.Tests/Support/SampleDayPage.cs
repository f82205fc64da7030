using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Report;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>The committed sample day investigated by the real pipeline and its report rendered, once for its tests.</summary>
public sealed class SampleDayPage : IAsyncLifetime, IDisposable
{
    internal SpotFolder Output { get; } = new();

    internal List<ThreatOutcome> Outcomes { get; private set; } = [];

    internal ReportDays.Rendered Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Outcomes = await ReportDays.InvestigateSampleDayAsync(Output);
        Page = await ReportDays.RenderAsync(Output, new DateTally("/state/ledger.db", 3, 1, 0, 0, []));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Page?.Dispose();
        Output.Dispose();
    }
}
