using ProxyThreat.Worker.Cli;

namespace ProxyThreat.Worker.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_Investigate_ReadsDateUrisDryRunConfigAndSettings()
    {
        var command = CommandLine.Parse(["investigate", "--date", "2016-07-08", "--uri", "http://a/", "--uri", "http://b/", "--dry-run", "--config", "x.json", "--Investigation:TopResults=5"]);

        Assert.Equal(Verb.Investigate, command.Verb);
        Assert.Equal([new DateOnly(2016, 7, 8)], command.Dates);
        Assert.Equal(["http://a/", "http://b/"], command.Uris);
        Assert.True(command.DryRun);
        Assert.Equal("x.json", command.ConfigPath);
        Assert.Equal("5", command.Settings["Investigation:TopResults"]);
    }

    [Fact]
    public void Parse_OptionsWithEqualsSign_SameAsWithASpace()
    {
        var command = CommandLine.Parse(["investigate", "--date=2016-07-08", "--uri=http://a/?b=c", "--config=x.json", "--Investigation:TopResults=5"]);

        Assert.Equal([new DateOnly(2016, 7, 8)], command.Dates);
        Assert.Equal(["http://a/?b=c"], command.Uris);
        Assert.Equal("x.json", command.ConfigPath);
        Assert.Equal("5", command.Settings["Investigation:TopResults"]);
    }

    [Fact]
    public void Parse_Backfill_CoversEveryDateOfTheRange()
    {
        var command = CommandLine.Parse(["backfill", "--from", "2016-06-29", "--to", "2016-07-02"]);

        Assert.Equal(["2016-06-29", "2016-06-30", "2016-07-01", "2016-07-02"], command.Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Parse_Report_ReadsDateAndOut()
    {
        var command = CommandLine.Parse(["report", "--date", "2016-07-08", "--out", "-"]);

        Assert.Equal(Verb.Report, command.Verb);
        Assert.Equal([new DateOnly(2016, 7, 8)], command.Dates);
        Assert.Equal("-", command.ReportPath);
        Assert.Null(CommandLine.Parse(["report", "--date", "2016-07-08"]).ReportPath);
    }

    [Fact]
    public void Parse_InvestigateReport_AsksForTheReportAfterwards()
    {
        Assert.True(CommandLine.Parse(["investigate", "--date", "2016-07-08", "--report"]).Report);
        Assert.False(CommandLine.Parse(["investigate", "--date", "2016-07-08"]).Report);
    }

    [Theory]
    [InlineData("report needs --date yyyy-mm-dd", "report")]
    [InlineData("unknown option '--uri' for report", "report", "--date", "2016-07-08", "--uri", "x")]
    [InlineData("unknown option '--out' for investigate", "investigate", "--date", "2016-07-08", "--out", "x.html")]
    [InlineData("--report shows what was written, so it cannot go with --dry-run", "investigate", "--date", "2016-07-08", "--report", "--dry-run")]
    [InlineData("unknown verb 'frobnicate'", "frobnicate")]
    [InlineData("--date '2016-13-01' is not a calendar date: there is no month 13", "investigate", "--date", "2016-13-01")]
    [InlineData("--date '2016-02-30' is not a calendar date: 2016-02 has 29 days, not 30", "investigate", "--date", "2016-02-30")]
    [InlineData("--date is given more than once", "investigate", "--date", "2016-07-08", "--date", "2016-07-09")]
    [InlineData("--from is given more than once", "backfill", "--from=2016-07-01", "--from", "2016-07-02", "--to", "2016-07-08")]
    [InlineData("--config is given more than once", "check", "--config", "a.json", "--config=b.json")]
    [InlineData("--date needs a value", "investigate", "--date=")]
    [InlineData("unknown option '--dry-run=yes' for investigate", "investigate", "--date", "2016-07-08", "--dry-run=yes")]
    [InlineData("--date '08/07/2016' is not a date of the form yyyy-mm-dd", "investigate", "--date", "08/07/2016")]
    [InlineData("investigate needs --date yyyy-mm-dd", "investigate")]
    [InlineData("--date needs a value", "investigate", "--date")]
    [InlineData("unknown option '--from' for investigate", "investigate", "--from", "2016-07-08")]
    [InlineData("backfill needs --to yyyy-mm-dd", "backfill", "--from", "2016-07-08")]
    [InlineData("status needs both --from and --to, or neither (the lookback window)", "status", "--from", "2016-07-08")]
    [InlineData("unknown option '--dry-run' for run", "--dry-run")]
    [InlineData("unknown option '--only-new' for backfill", "backfill", "--only-new")]
    [InlineData("--to 2016-07-01 is before --from 2016-07-08", "backfill", "--from", "2016-07-08", "--to", "2016-07-01")]
    public void Parse_BadArguments_ThrowsUsageExceptionSayingWhatIsWrong(string message, params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(args));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_NoVerbOrOptionsOnly_IsRun()
    {
        Assert.Equal(Verb.Run, CommandLine.Parse([]).Verb);
        var command = CommandLine.Parse(["--config", "/etc/proxythreat/appsettings.json", "--Schedule:LookbackDays=3"]);

        Assert.Equal(Verb.Run, command.Verb);
        Assert.Equal("/etc/proxythreat/appsettings.json", command.ConfigPath);
        Assert.Equal("3", command.Settings["Schedule:LookbackDays"]);
    }

    [Fact]
    public void Parse_InvestigateOnlyNew_SetsOnlyNew()
    {
        Assert.True(CommandLine.Parse(["investigate", "--date", "2016-07-08", "--only-new"]).OnlyNew);
    }

    [Fact]
    public void Parse_Status_DefaultsToTheLookbackWindowOrTakesBothDates()
    {
        Assert.True(CommandLine.Parse(["status"]).DefaultRange);
        var ranged = CommandLine.Parse(["status", "--from", "2016-07-01", "--to", "2016-07-08"]);

        Assert.False(ranged.DefaultRange);
        Assert.Equal(new DateOnly(2016, 7, 1), ranged.From);
        Assert.Equal(new DateOnly(2016, 7, 8), ranged.To);
    }
}
