using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ProxyThreat.Worker.Cli;
using ProxyThreat.Worker.Logging;

namespace ProxyThreat.Worker.Tests.Cli;

public sealed class BackfillProgressTests
{
    private const string EraseLine = "\u001b[K";

    [Fact]
    public void Terminal_RedrawsABarWithDatesThreatsAndTimeLeft()
    {
        var time = new FakeTimeProvider();
        using var terminal = new StringWriter();
        var progress = new BackfillProgress(4, new StatusLine(terminal), NullLogger.Instance, time);

        progress.ThreatDone();
        progress.ThreatDone();
        time.Advance(TimeSpan.FromSeconds(30));
        progress.DateDone();
        progress.Finish();

        var frames = terminal.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("[------------------------------] 0/4 dates, 0 threats, ? left" + EraseLine, frames[0]);
        Assert.Equal("[------------------------------] 0/4 dates, 1 threat, ? left" + EraseLine, frames[1]);
        Assert.Equal("[#######-----------------------] 1/4 dates, 2 threats, 00:01:30 left" + EraseLine + Environment.NewLine, frames[^1]);
    }

    [Fact]
    public void Terminal_LineWrittenWhileTheBarShows_ClearsTheBarFirstAndRedrawsItBelowBug()
    {
        // Result and log lines ran into the bar: "[###---] 1/4 dates...2016-07-02 written ...".
        using var terminal = new StringWriter();
        var status = new StatusLine(terminal);
        var progress = new BackfillProgress(4, status, NullLogger.Instance, new FakeTimeProvider());

        status.Interrupt(() => terminal.WriteLine("2016-07-01 written   http://a/"));

        var bar = "[------------------------------] 0/4 dates, 0 threats, ? left" + EraseLine;
        Assert.Equal($"\r{bar}\r{EraseLine}2016-07-01 written   http://a/{Environment.NewLine}{bar}", terminal.ToString());
        progress.Finish();
    }

    [Fact]
    public void NoTerminal_DrawsNothing()
    {
        var status = new StatusLine(null);
        var progress = new BackfillProgress(2, status, NullLogger.Instance, new FakeTimeProvider());
        var written = false;

        progress.ThreatDone();
        progress.DateDone();
        status.Interrupt(() => written = true);
        progress.Finish();

        Assert.True(written);
        Assert.False(status.IsDrawn);
    }
}
