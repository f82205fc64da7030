using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ProxyThreat.Pipeline.Tables;
using ProxyThreat.Testing;
using ProxyThreat.Worker.Cli;
using ProxyThreat.Worker.Notify;
using ProxyThreat.Worker.Tests;
using ProxyThreat.Worker;

namespace ProxyThreat.EndToEnd.Tests.Notify.Fixtures;

/// <summary>
/// The small day in a temp folder, with both its threats to be written (no dismissal), and the real worker host
/// run in-process on a clock the test drives: <c>investigate</c> as an operator runs it, the deliveries a firing
/// makes, and <c>status</c>.
/// </summary>
internal sealed class NotifyHarness
{
    public static readonly string Other = SmallDay.Dismissed;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("proxythreat-notify-");

    /// <summary>The clock, the morning after the small day, so that the service's lookback window holds it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2016, 7, 9, 6, 0, 0, TimeSpan.Zero));

    public string Dir => _dir.FullName;

    public string DecisionsPath => Path.Join(Dir, "decisions.jsonl");

    /// <summary>Writes the day; U is titled by an analyst, the other URI has no decision.</summary>
    public async Task SeedAsync()
    {
        await SmallDay.SeedAsync(Dir);
        await DecideAsync("Analyst");
    }

    /// <summary>Replaces the analyst's title of U.</summary>
    public Task DecideAsync(string title) =>
        File.WriteAllTextAsync(DecisionsPath, System.Text.Json.JsonSerializer.Serialize(new { date = "2016-07-08", uri = SmallDay.U, title }) + "\n");

    /// <summary>
    /// More of the day's requests to U, in an hour of its own: a new client, 10.0.0.4, and a request from 10.0.0.1 that
    /// a page sent, so U's counts change and its alert lacks two observables.
    /// </summary>
    public Task AddRequestsAsync()
    {
        var path = Path.Join(Dir, "samples/hdfs/user/spot/proxy/hive/y=2016/m=07/d=08/h=11/000000_0");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        object?[][] rows =
        [
            SmallDay.Raw(SmallDay.Day, "11:00:00", "10.0.0.4", SmallDay.U),
            (ProxyRow.Full("2016-07-08", "11:00:04", "10.0.0.1", SmallDay.U) with { Referer = Referer, RespCode = "200", Method = "GET" }).ToRow(),
        ];
        return WriteAsync(path, rows);

        static async Task WriteAsync(string path, object?[][] rows) =>
            await File.WriteAllBytesAsync(path, await TableFile.EncodeAsync(path, SpotTables.Proxy, rows, CancellationToken.None));
    }

    /// <summary>The page that sent 10.0.0.1 to U in <see cref="AddRequestsAsync"/>.</summary>
    public const string Referer = "http://portal.example/start";

    /// <summary>Runs <c>investigate --date 2016-07-08</c> with the settings; returns its exit code and what it printed.</summary>
    public async Task<(int Code, string Output)> InvestigateAsync(params string[] settings)
    {
        var command = Command("investigate", settings, "--date", "2016-07-08");
        using var host = Build(command);
        using var output = new StringWriter();
        var code = await host.Services.GetRequiredService<InvestigateCommand>().RunAsync(command, output, CancellationToken.None);
        return (code, output.ToString());
    }

    /// <summary>What a firing of the service does after its dates: deliver what is due.</summary>
    public async Task<DeliveryTally> FiringAsync(params string[] settings)
    {
        using var host = Build(Command("run", settings));
        return await host.Services.GetRequiredService<Notifier>().DeliverDueAsync(CancellationToken.None);
    }

    /// <summary>Starts the service (<c>run</c>): its first firing comes at once.</summary>
    public async Task<IHost> StartServiceAsync(params string[] settings)
    {
        var host = Build(Command("run", settings));
        await host.StartAsync();
        return host;
    }

    public async Task<string> StatusAsync(params string[] settings)
    {
        var command = Command("status", settings, "--from", "2016-07-08", "--to", "2016-07-08");
        using var host = Build(command);
        using var output = new StringWriter();
        await host.Services.GetRequiredService<StatusCommand>().RunAsync(command, output, CancellationToken.None);
        return output.ToString();
    }

    /// <summary>Deletes the folder.</summary>
    public ValueTask CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private Command Command(string verb, string[] settings, params string[] options) =>
        CommandLine.Parse(
        [
            verb,
            .. options,
            $"--Source:Tables:Root={Path.Join(Dir, "samples/hdfs")}",
            $"--Hdfs:Local:Root={Path.Join(Dir, "out/hdfs")}",
            $"--Investigation:DecisionsPath={DecisionsPath}",
            $"--State:Path={Path.Join(Dir, "state/ledger.db")}",
            .. settings,
        ]);

    private IHost Build(Command command) =>
        WorkerHost.Build(command, services => services.AddSingleton<InvestigateCommand>().AddSingleton<StatusCommand>().AddSingleton<TimeProvider>(Time));
}
