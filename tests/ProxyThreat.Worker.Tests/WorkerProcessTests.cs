using ProxyThreat.Pipeline.Spot;

namespace ProxyThreat.Worker.Tests;

public sealed class WorkerProcessTests : IDisposable
{
    private const string U = SmallDay.U;
    private readonly string _dir = Path.Join(Path.GetTempPath(), "proxythreat-worker-tests", Guid.NewGuid().ToString("N"));

    public WorkerProcessTests()
    {
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Investigate_SmallDay_PrintsOneLinePerThreatAndTotalAndWritesOutputs()
    {
        await SeedAsync();

        var (code, output, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--Investigation:DecisionsPath=decisions.jsonl");

        Assert.True(code == 0, error);
        Assert.Contains($"2016-07-08 written   {U}  rows=3 clients=2  story from decision", output, StringComparison.Ordinal);
        Assert.Contains("2016-07-08 dismissed http://dismissed.example/", output, StringComparison.Ordinal);
        Assert.Contains("total 2016-07-08: 2 threats (1 written, 1 dismissed); outputs under ", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(_dir, $"out/hdfs/user/spot/proxy/oa/storyboard/2016/7/8/incident-progression-{SpotLayout.Md5(U)}.json")));
        Assert.Contains("Investigated", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvestigateReport_SmallDay_WritesTheReportAndPrintsWhereItWent()
    {
        await SeedAsync();

        var (code, output, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--report", "--Investigation:DecisionsPath=decisions.jsonl");

        Assert.True(code == 0, error);
        var report = Path.Join(_dir, "out", "report-2016-07-08.html");
        Assert.EndsWith($"report 2016-07-08: {report} (1 threats, 3 rows; open it in a browser)", output.TrimEnd(), StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("<h2>1. Analyst</h2>", html, StringComparison.Ordinal);
        Assert.Contains("http://bad.example/\"q\"%20ünï.exe", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ToStandardOutput_PrintsOnlyThePage()
    {
        await SeedAsync();
        await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08");

        var (code, output, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "report", "--date", "2016-07-08", "--out", "-");

        Assert.True(code == 0, error);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\">", output, StringComparison.Ordinal);
        Assert.EndsWith("</html>", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(_dir, "out", "report-2016-07-08.html")));
    }

    [Fact]
    public async Task Report_UnreadableStoryboardFile_ExitsOneWithOneLineNamingTheFile()
    {
        await SeedAsync();
        var storyboard = Path.Join(_dir, "out/hdfs/user/spot/proxy/hive/oa/storyboard/y=2016/m=7/d=8");
        Directory.CreateDirectory(storyboard);
        await File.WriteAllTextAsync(Path.Join(storyboard, "000000_0"), "not parquet");

        var (code, output, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "report", "--date", "2016-07-08", "--out", "r.html");

        Assert.Equal(1, code);
        Assert.StartsWith("report 2016-07-08 failed: ", output, StringComparison.Ordinal);
        Assert.Contains("000000_0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(_dir, "r.html")));
    }

    [Fact]
    public async Task Report_UnreadableLedger_StillWritesThePageAndSaysWhyItHasNoTally()
    {
        await SeedAsync();
        await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--State:Path=other.db");
        await File.WriteAllTextAsync(Path.Join(_dir, "ledger.db"), "this is not a SQLite database, though it has the name of one");

        var (code, output, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "report", "--date", "2016-07-08", "--out", "r.html", "--State:Path=ledger.db");

        Assert.True(code == 0, output + error);
        var html = await File.ReadAllTextAsync(Path.Join(_dir, "r.html"));
        Assert.Contains($"<p class=\"note\">The ledger {Path.Join(_dir, "ledger.db")} could not be read (", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Written</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Threats on the storyboard</dt><dd>1</dd>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Report:Publish", "--Report:Publish=sometimes")]
    [InlineData("Report:Publsh", "--Report:Publsh=true")]
    public async Task Report_BadReportSetting_ExitsTwoNamingTheKey(string key, string setting)
    {
        var (code, _, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "report", "--date", "2016-07-08", setting);

        Assert.Equal(2, code);
        Assert.Contains(key, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_EmptyDecisionsPath_RunsWithoutDecisions()
    {
        await SeedAsync();

        var (code, output, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--Investigation:DecisionsPath=");

        Assert.True(code == 0, error);
        Assert.Contains("total 2016-07-08: 2 threats (2 written)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("story from decision", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_DryRun_WritesNothing()
    {
        await SeedAsync();

        var (code, output, _) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("dry-run", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(_dir, "out")));
        Assert.False(Directory.Exists(Path.Join(_dir, "state")));
    }

    [Fact]
    public async Task InvestigateOnlyNew_AfterAnInvestigation_DoesNothingUntilADecisionChanges()
    {
        await SeedAsync();
        string[] args = ["investigate", "--date", "2016-07-08", "--Investigation:DecisionsPath=decisions.jsonl"];

        var first = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, args);
        var onlyNew = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, [.. args, "--only-new"]);
        var again = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, args);
        await File.WriteAllTextAsync(Path.Join(_dir, "decisions.jsonl"), "{\"date\": \"2016-07-08\", \"uri\": \"http://dismissed.example/\", \"title\": \"Not noise after all\"}\n");
        var changed = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, [.. args, "--only-new"]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("total 2016-07-08: 0 threats", onlyNew.Output, StringComparison.Ordinal);
        Assert.Contains("total 2016-07-08: 2 threats (1 written, 1 dismissed)", again.Output, StringComparison.Ordinal);
        Assert.Contains("written   http://dismissed.example/", changed.Output, StringComparison.Ordinal);
        Assert.Contains("total 2016-07-08: 2 threats (2 written)", changed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_UnscoredUri_ExitsNonZero()
    {
        await SeedAsync();

        var (code, output, _) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--uri", "http://nobody.example/");

        Assert.Equal(1, code);
        Assert.Contains("failed    http://nobody.example/", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown verb 'frob'", "frob")]
    [InlineData("--date 'yesterday' is not a date", "investigate", "--date", "yesterday")]
    [InlineData("Source:Tables:Root names", "investigate", "--date", "2016-07-08", "--Source:Tables:Root=missing-folder")]
    [InlineData("Investigation:TopResults must be from 1", "investigate", "--date", "2016-07-08", "--Investigation:TopResults=0")]
    [InlineData("Investigation:TopResult", "investigate", "--date", "2016-07-08", "--Investigation:TopResult=5")]
    [InlineData("unknown section 'Investigaton'", "investigate", "--date", "2016-07-08", "--Investigaton:TopResults=5")]
    [InlineData("--config file", "investigate", "--date", "2016-07-08", "--config", "nope.json")]
    [InlineData("--config '", "investigate", "--date", "2016-07-08", "--config", "samples")]
    [InlineData("Source:Kind 'tabels' must be one of: tables, graphql", "investigate", "--date", "2016-07-08", "--Source:Kind=tabels")]
    [InlineData("State:RetryDelay '15m' is not a duration", "run", "--State:RetryDelay=15m")]
    [InlineData("Report:Publish 'yes' must be true or false", "run", "--Report:Publish=yes")]
    [InlineData("Investigation:MaxParallelThreats 'lots' is not a whole number", "investigate", "--date", "2016-07-08", "--Investigation:MaxParallelThreats=lots")]
    [InlineData("Serilog:WriteTo:0:Name 'file' is not a sink the worker includes", "investigate", "--date", "2016-07-08", "--Serilog:WriteTo:0:Name=file", "--Serilog:WriteTo:0:Args:path=x.log")]
    [InlineData("Serilog:WriteTo:0:Args: File takes no argument rollInterval", "investigate", "--date", "2016-07-08", "--Serilog:WriteTo:0:Name=File", "--Serilog:WriteTo:0:Args:path=x.log", "--Serilog:WriteTo:0:Args:rollInterval=Day")]
    public async Task BadInput_ExitsTwoWithOneLineErrorAndHint(string expected, params string[] args)
    {
        await SeedAsync();

        var (code, _, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("proxythreat --help", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_SpotRootWithATypo_FailsNamingTheMissingTableAndTheKeysBug()
    {
        await SeedAsync();

        var (code, output, _) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--Spot:Root=/user/spott");

        // It said "0 threats selected from 0 scored URIs" and exited 0.
        Assert.Equal(1, code);
        Assert.Contains(
            $"2016-07-08 failed: no Spot table at {Path.Join(_dir, "samples/hdfs/user/spott/proxy/hive/oa/threat_investigation")}: check Source:Tables:Root (the folder standing for HDFS /) and Spot:Root",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SpotRootIsAFileInTheOutput_SaysItIsAFileNotAFolderBug()
    {
        await SeedAsync();
        Directory.CreateDirectory(Path.Join(_dir, "out/hdfs/user"));
        await File.WriteAllTextAsync(Path.Join(_dir, "out/hdfs/user/spot"), "not a folder");

        var (code, output, _) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "check");

        Assert.Equal(1, code);
        var spotRoot = Path.Join(_dir, "out/hdfs/user/spot");
        Assert.Contains($"FAIL  Spot:Root exists", output, StringComparison.Ordinal);
        Assert.Contains($"{spotRoot} is a file, not a folder, so nothing can be written under Spot:Root /user/spot (fix: check Hdfs:Local:Root and Spot:Root)", output, StringComparison.Ordinal);
        Assert.Contains($"cannot create the folder {spotRoot}: {spotRoot} is a file, not a folder", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find a part of the path", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_LocalOutputRootIsAFile_ExitsTwoSayingSo()
    {
        await SeedAsync();

        var (code, _, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--Hdfs:Local:Root=decisions.jsonl");

        Assert.Equal(2, code);
        Assert.Contains($"Hdfs:Local:Root names '{Path.Join(_dir, "decisions.jsonl")}', which is a file, not a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenJsonInConfigFile_ExitsTwoWithFileLineAndPositionNotAStackTraceBug()
    {
        await SeedAsync();
        await File.WriteAllTextAsync(Path.Join(_dir, "broken.json"), "{\"Investigation\": {\"TopResults\": 10,}\n");

        var (code, _, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--config", "broken.json");

        Assert.Equal(2, code);
        Assert.Equal(
            $"proxythreat: configuration file '{Path.Join(_dir, "broken.json")}' is not valid JSON at line 2, position 1: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed",
            error.Split('\n')[0]);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(_dir, "out")));
    }

    [Fact]
    public async Task MalformedDecisionsFile_StopsBeforeWritingAndNamesFileAndLine()
    {
        await SeedAsync();
        await File.WriteAllTextAsync(Path.Join(_dir, "decisions.jsonl"), "{\"date\": \"2016-07-08\", \"uri\": \"http://a/\"}\n{not json\n");

        var (code, _, error) = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--Investigation:DecisionsPath=decisions.jsonl");

        Assert.Equal(2, code);
        Assert.Contains("decisions.jsonl:2:", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Join(_dir, "out")));
    }

    [Fact]
    public async Task Configuration_LayersConfigFileThenEnvironmentThenArguments()
    {
        await SeedAsync();
        await File.WriteAllTextAsync(Path.Join(_dir, "custom.json"), """{ "Hdfs": { "Local": { "Root": "from-file" } }, "Investigation": { "TopResults": 0 } }""");
        var environment = new Dictionary<string, string>(WorkerProcess.Checkout) { ["PROXYTHREAT_Investigation__TopResults"] = "1" };

        var fromFile = await WorkerProcess.RunAsync(_dir, WorkerProcess.Checkout, "investigate", "--date", "2016-07-08", "--config", "custom.json");
        var fromEnvironment = await WorkerProcess.RunAsync(_dir, environment, "investigate", "--date", "2016-07-08", "--config", "custom.json");
        var fromArguments = await WorkerProcess.RunAsync(_dir, environment, "investigate", "--date", "2016-07-08", "--config", "custom.json", "--Hdfs:Local:Root=from-args");

        Assert.Equal(2, fromFile.ExitCode);
        Assert.Contains("Investigation:TopResults", fromFile.Error, StringComparison.Ordinal);
        Assert.Equal(0, fromEnvironment.ExitCode);
        Assert.True(Directory.Exists(Path.Join(_dir, "from-file")));
        Assert.Equal(0, fromArguments.ExitCode);
        Assert.True(Directory.Exists(Path.Join(_dir, "from-args")));
    }

    [Fact]
    public async Task ReadmesFirstCommand_FromTheRepositoryRoot_WritesEveryThreatOfTheSample()
    {
        // `dotnet run --project src/ProxyThreat.Worker -- investigate --date 2016-07-08`, built already, its outputs and ledger kept out of the checkout.
        var (code, output, error) = await WorkerProcess.RunDotnetAsync(
            Repository.Root,
            null,
            ["run", "--no-build", "-c", BuildConfiguration, "--project", "src/ProxyThreat.Worker", "--", "investigate", "--date", "2016-07-08", $"--Hdfs:Local:Root={_dir}", $"--State:Path={Path.Join(_dir, "ledger.db")}"]);

        Assert.True(code == 0, error);
        Assert.Contains("total 2016-07-08: 4 threats (3 written, 1 dismissed)", output, StringComparison.Ordinal);
        Assert.Contains("story from decision", output, StringComparison.Ordinal);
        Assert.Contains("story from storyboard", output, StringComparison.Ordinal);
        Assert.Contains("story from generated", output, StringComparison.Ordinal);
        var storyboard = Path.Join(_dir, "user/spot/proxy/hive/oa/storyboard/y=2016/m=7/d=8");
        Assert.Equal(3, Directory.GetFiles(storyboard, "proxythreat-*.parquet").Length);
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif

    private Task SeedAsync() => SmallDay.SeedAsync(_dir);
}
