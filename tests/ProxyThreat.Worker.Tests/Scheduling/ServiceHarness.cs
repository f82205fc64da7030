using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Worker.Cli;
using ProxyThreat.Worker.Ledger;
using ProxyThreat.Worker.Scheduling;

namespace ProxyThreat.Worker.Tests.Scheduling;

/// <summary>
/// Spot's tables for today in a temp folder, and the real worker host (real Quartz, real ledger, real files)
/// started in-process on a fast cron, with every firing's summary collected in order.
/// </summary>
internal sealed class ServiceHarness
{
    // The service takes its lookback window from the real clock.
    public static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private IHost? _host;
    private FiringRecorder? _firings;

    public ServiceHarness()
    {
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; } = Path.Join(Path.GetTempPath(), "proxythreat-service-tests", Guid.NewGuid().ToString("N"));

    public string HdfsRoot => Path.Join(Dir, "out", "hdfs");

    public string DecisionsPath => Path.Join(Dir, "decisions.jsonl");

    public string LedgerPath => Path.Join(Dir, "state", "ledger.db");

    public IHost Host => _host ?? throw new InvalidOperationException("not started");

    /// <summary>The firings of the host's latest start, as its scheduler ran them.</summary>
    public FiringRecorder Firings => _firings ?? throw new InvalidOperationException("not started");

    public ThreatLedger Ledger => new(Options.Create(new StateOptions { Path = LedgerPath }));

    public static string Uri(int i) => $"http://threat{i}.example/payload.exe";

    /// <summary>Scores the URIs with severity 1 today; each has two requests from two clients.</summary>
    public async Task SeedAsync(IReadOnlyList<string> scored, IReadOnlyList<string>? requested = null)
    {
        await ScoreAsync(scored);
        var raw = (requested ?? scored).SelectMany(u => new[] { SmallDay.Raw(Today, "10:00:00", "10.0.0.1", u), SmallDay.Raw(Today, "10:00:05", "10.0.0.2", u) }).ToArray();
        await WriteAsync(Path.Join(Dir, $"samples/hdfs/user/spot/proxy/hive/y={Today.Year}/m={Today.Month:00}/d={Today.Day:00}/h=10/000000_0"), SpotTables.Proxy, raw);
        await DecideAsync([]);
    }

    /// <summary>Replaces the day's scores in one step, as the OA job would.</summary>
    public Task ScoreAsync(IReadOnlyList<string> uris) =>
        WriteAsync(
            Path.Join(Dir, $"samples/hdfs/user/spot/proxy/hive/oa/threat_investigation/y={Today.Year}/m={Today.Month}/d={Today.Day}/000000_0"),
            SpotTables.ThreatInvestigation,
            uris.Select(u => new object?[] { Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), u, 1 }).ToArray());

    /// <summary>Replaces the decisions file in one step, as an analyst's save would.</summary>
    public async Task DecideAsync(IEnumerable<(string Uri, string Title, string Action)> decisions)
    {
        var temp = Path.Join(Dir, "decisions.tmp");
        await File.WriteAllLinesAsync(temp, decisions.Select(d => System.Text.Json.JsonSerializer.Serialize(new { date = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), uri = d.Uri, title = d.Title, text = "Seen by an analyst", action = d.Action })));
        File.Move(temp, DecisionsPath, overwrite: true);
    }

    public string ProgressionPath(string uri) => Path.Join(HdfsRoot, new SpotLayout("/user/spot").IncidentProgressionPath(Today, uri));

    public string StoryboardRowsPath(string uri) =>
        Path.Join(HdfsRoot, $"user/spot/proxy/hive/oa/storyboard/y={Today.Year}/m={Today.Month}/d={Today.Day}/proxythreat-{SpotLayout.Md5(uri)}.parquet");

    public Task StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <param name="atEachFiring">Run at the end of each firing, before the next can start (see <see cref="FiringRecorder.AtEachFiring"/>).</param>
    public async Task StartAsync(Func<FiringSummary, Task>? atEachFiring, params string[] settings)
    {
        string[] args =
        [
            "run",
            $"--Source:Tables:Root={Path.Join(Dir, "samples/hdfs")}",
            $"--Hdfs:Local:Root={HdfsRoot}",
            $"--Investigation:DecisionsPath={DecisionsPath}",
            $"--State:Path={LedgerPath}",
            "--Schedule:Cron=* * * * * ?",
            "--State:RetryDelay=00:00:00",
            .. settings,
        ];
        _host = WorkerHost.Build(CommandLine.Parse(args));

        // Each start collects its own firings.
        _firings = await FiringRecorder.AttachAsync(_host.Services, atEachFiring);
        await _host.StartAsync();
    }

    public Task<FiringSummary> NextFiringAsync() => Firings.NextAsync();

    /// <summary>Firings, in order, until one satisfies the condition (at most 30 s).</summary>
    public async Task<List<FiringSummary>> FiringsUntilAsync(Func<FiringSummary, bool> condition)
    {
        var seen = new List<FiringSummary>();
        do
        {
            seen.Add(await NextFiringAsync());
        }
        while (!condition(seen[^1]));
        return seen;
    }

    /// <summary>Reads today's ledger as the host writes it until it satisfies the condition (at most 30 s).</summary>
    public async Task UntilLedgerAsync(Func<IReadOnlyDictionary<string, LedgerEntry>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var ledger = Ledger;
        while (!condition(await ledger.ReadDateAsync(Today, timeout.Token)))
        {
            await poll.WaitForNextTickAsync(timeout.Token);
        }
    }

    public async Task StopAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>Stops the host if it runs and deletes the folder.</summary>
    public async Task CleanUpAsync()
    {
        await StopAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, recursive: true);
    }

    private async Task WriteAsync(string path, TableSchema schema, params object?[][] rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Join(Dir, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(temp, await TableFile.EncodeAsync(path, schema, rows, CancellationToken.None));
        File.Move(temp, path, overwrite: true);
    }
}
