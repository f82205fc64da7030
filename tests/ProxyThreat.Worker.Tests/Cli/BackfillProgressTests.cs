using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProxyThreat.Worker.Cli;

namespace ProxyThreat.Worker.Tests.Cli;

public sealed class BackfillProgressTests
{
    [Fact]
    public void Terminal_RedrawsABarWithDatesThreatsAndTimeLeft()
    {
        var time = new FakeTimeProvider();
        using var terminal = new StringWriter();
        var progress = new BackfillProgress(4, terminal, NullLogger.Instance, time);

        progress.ThreatDone();
        progress.ThreatDone();
        time.Advance(TimeSpan.FromSeconds(30));
        progress.DateDone();
        progress.Finish();

        var frames = terminal.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[------------------------------] 0/4 dates, 1 threats, ? left ", frames[0]);
        Assert.Equal("[#######-----------------------] 1/4 dates, 2 threats, 00:01:30 left " + Environment.NewLine, frames[^1]);
    }
}
