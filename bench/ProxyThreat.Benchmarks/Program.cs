using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using ProxyThreat.Benchmarks;

// The expanded search at the speed of the data: the worker beside DuckDB (tables), beside merely receiving
// the answer and beside Spot's own Python (GraphQL), and how it scales. Every figure is the median of 3 runs
// of a fresh process, the variants of a comparison alternating; time is wall clock, memory the peak RSS. The
// worker is the bundle deploy/publish.sh makes, run as operators run it.
// Usage: dotnet run -c Release --project bench/ProxyThreat.Benchmarks [-- [--data FOLDER] [--only TEXT]... [--serve]]
// (--only: just the comparisons whose title contains one of the texts; --serve: measure nothing, serve the
// answers the selected comparisons need and print how to run the worker against them, for a profiler)
if (args.Length > 0 && args[0] == "child")
{
    return await Child.RunAsync(args[1..]);
}

var data = Path.Join(Path.GetTempPath(), "proxythreat-bench");
var only = new List<string>();
var serve = false;
for (var a = 0; a < args.Length; a++)
{
    switch (args[a])
    {
        case "--serve":
            serve = true;
            break;
        case "--data" when a + 1 < args.Length:
            data = args[++a];
            break;
        case "--only" when a + 1 < args.Length:
            only.Add(args[++a]);
            break;
        default:
            throw new ArgumentException($"unknown argument {args[a]}; usage: [--data FOLDER] [--only TEXT]... [--serve]");
    }
}

var script = Path.Join(AppContext.BaseDirectory, "spot_notebook.py");
var measure = Path.Join(AppContext.BaseDirectory, "measure.py");
var worker = Publish(Path.Join(data, "worker"));
var day20 = Day(2_000_000, 20);
var day200 = Day(2_000_000, 200);
var sizes = new[] { 250_000, 500_000, 1_000_000, 2_000_000 };
var dates = sizes.ToDictionary(s => s, s => new DateOnly(2016, 7, 1).AddDays(Array.IndexOf(sizes, s)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
// The comparisons that need a details answer, by the titles --only selects them by (the first is shown with its
// answer's size once the answer is made).
var graphQL = "GraphQL: 1 M rows, MB of JSON";
var bareSocket = "GraphQL: 1 M rows from a bare socket (the reader's own cost)";
var jsonWritten = "GraphQL: 1 M rows, JSON written";
var scalingRows = "scaling: rows (GraphQL, dry run, 8 MiB budget)";
var scalingTop = "scaling: TopResults (GraphQL, 1 M rows, dry run)";
string[] answering = [graphQL, bareSocket, jsonWritten, scalingRows, scalingTop];
var answered = !answering.Any(Selected) ? [] : Selected(scalingRows) ? sizes : new[] { 1_000_000 };
Console.Error.WriteLine("making the details answers");
var answers = answered.ToDictionary(s => dates[s], DetailsAnswer.Build);
await using var server = await SpotApiServer.StartAsync(answers);
await using var bare = BareSocketServer.Start(answers);
var endpoint = server.Endpoint.ToString();

if (serve)
{
    foreach (var size in answered)
    {
        Console.WriteLine(string.Join(' ', GraphQL(size).ArgumentList.Skip(1)));
    }

    Console.Error.WriteLine("serving until standard input closes");
    await Console.In.ReadToEndAsync();
    return 0;
}

var results = new List<string>
{
    "| comparison | variant | time (s) | peak memory (MB) | time ratio | memory ratio |",
    "|---|---|---:|---:|---:|---:|",
};

void Compare(string comparison, params (string Name, ProcessStartInfo Start)[] variants)
{
    if (!Selected(comparison))
    {
        return;
    }

    Console.Error.WriteLine($"measuring {comparison}");
    var runs = variants.Select(_ => new List<(double Seconds, double Megabytes)>()).ToArray();
    for (var round = 0; round < 3; round++)
    {
        for (var v = 0; v < variants.Length; v++)
        {
            runs[v].Add(Run(variants[v].Start));
        }
    }

    var medians = runs.Select(r => (Seconds: Median(r.Select(x => x.Seconds)), Megabytes: Median(r.Select(x => x.Megabytes)))).ToArray();
    for (var v = 0; v < variants.Length; v++)
    {
        var ratio = v == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{medians[0].Seconds / medians[v].Seconds:F2}x | {medians[0].Megabytes / medians[v].Megabytes:F2}x");
        results.Add(string.Create(CultureInfo.InvariantCulture, $"| {(v == 0 ? Shown(comparison) : string.Empty)} | {variants[v].Name} | {medians[v].Seconds:F2} | {medians[v].Megabytes:F0} | {(v == 0 ? "1 | 1" : ratio)} |"));
    }
}

string Spill() => Path.Join(data, "spill");

string Shown(string comparison) => comparison == graphQL
    ? string.Create(CultureInfo.InvariantCulture, $"GraphQL: 1 M rows, {answers[dates[1_000_000]].Length / 1e6:F0} MB of JSON")
    : comparison;

bool Selected(string comparison) => only.Count == 0 || only.Exists(o => comparison.Contains(o, StringComparison.OrdinalIgnoreCase));

ProcessStartInfo Tables(string day, int top = 20) => Worker(
    "investigate", "--date", "2016-07-08", "--dry-run", $"--Source:Tables:Root={day}", "--Investigation:DecisionsPath=", "--Serilog:MinimumLevel:Default=Warning",
    $"--Investigation:TopResults={top}", $"--Hdfs:Local:Root={Path.Join(data, "out")}");

ProcessStartInfo GraphQL(int rows, bool write = false, int top = 20, int? budget = null, string? from = null)
{
    string[] common = ["investigate", "--date", dates[rows], "--Source:Kind=graphql", $"--Source:GraphQL:Endpoint={from ?? endpoint}", $"--Source:GraphQL:SpillFolder={Spill()}",
        "--Investigation:DecisionsPath=", "--Serilog:MinimumLevel:Default=Warning", $"--Investigation:TopResults={top}", $"--Hdfs:Local:Root={Path.Join(data, "out")}", $"--State:Path={Path.Join(data, "ledger.db")}"];
    string[] budgetArgs = budget is { } b ? [$"--Source:GraphQL:MemoryBudgetMiB={b}"] : [];
    return Worker([.. common, .. write ? Array.Empty<string>() : ["--dry-run"], .. budgetArgs]);
}

ProcessStartInfo Worker(params string[] args) => Measured([worker, .. args]);

ProcessStartInfo Baseline(params string[] args) => Measured([Environment.ProcessPath!, "child", .. args]);

ProcessStartInfo Python(int rows) => Measured(["python3", script, endpoint, dates[rows], DetailsAnswer.Uri]);

// Every variant runs under measure.py, which times it from start to exit and takes its own peak memory.
ProcessStartInfo Measured(string[] command)
{
    var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
    start.ArgumentList.Add(measure);
    foreach (var arg in command)
    {
        start.ArgumentList.Add(arg);
    }

    return start;
}

Compare("tables: 2 M requests, 20 threats", ("worker, investigate --dry-run", Tables(day20)), ("DuckDB, the same in SQL", Baseline("duckdb", day20, "20")));
Compare("tables: the key columns of the day", ("ParquetSharp (Arrow, dictionaries)", Baseline("parquetsharp", day20)), ("Parquet.Net (a string per row)", Baseline("parquet.net", day20)));
Compare(graphQL,
    ("worker, investigate --dry-run", GraphQL(1_000_000)),
    ("receiving the answer only", Baseline("receive", endpoint, dates[1_000_000])),
    ("Spot's algorithm in Python", Python(1_000_000)));
Compare(bareSocket,
    ("worker, investigate --dry-run", GraphQL(1_000_000, from: bare.Endpoint.ToString())),
    ("receiving the answer only", Baseline("receive", bare.Endpoint.ToString(), dates[1_000_000])));
Compare(jsonWritten, ("worker, investigate", GraphQL(1_000_000, write: true)), ("receiving the answer only", Baseline("receive", endpoint, dates[1_000_000])));
Compare(scalingRows, sizes.Select(s => (string.Create(CultureInfo.InvariantCulture, $"{s / 1e6:0.##} M rows"), GraphQL(s, budget: 8))).ToArray());
Compare(scalingTop, ("TopResults 20", GraphQL(1_000_000)), ("TopResults 2,000", GraphQL(1_000_000, top: 2000)));
Compare("scaling: threats (tables, 156,000 matches)", ("over 20 threats", Tables(day20)), ("over 200 threats", Tables(day200)));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; median of 3 runs each, alternating; ratio = first variant / this variant"));
foreach (var line in results)
{
    Console.WriteLine(line);
}

return 0;

// The worker as operators install it: deploy/publish.sh's bundle (self-contained, ReadyToRun), made afresh.
static string Publish(string folder)
{
    var root = Assembly.GetEntryAssembly()!.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
    Console.Error.WriteLine($"publishing the worker into {folder}");
    var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var arg in new[] { Path.Join(root, "deploy", "publish.sh"), "linux-x64", folder })
    {
        start.ArgumentList.Add(arg);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return process.ExitCode == 0 ? Path.Join(folder, "proxythreat") : throw new InvalidOperationException($"deploy/publish.sh failed: {output}");
}

string Day(int requests, int threats)
{
    var folder = Path.Join(data, string.Create(CultureInfo.InvariantCulture, $"day-{requests}-{threats}"));
    if (!File.Exists(Path.Join(folder, "complete")))
    {
        Console.Error.WriteLine($"writing {folder}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        BenchDay.Write(folder, requests, threats);
        File.WriteAllText(Path.Join(folder, "complete"), string.Empty);
    }

    return folder;
}

static double Median(IEnumerable<double> values) => values.Order().ElementAt(1);

static (double Seconds, double Megabytes) Run(ProcessStartInfo start)
{
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    var lines = output.Split('\n').Select(l => l.Split(' ')).Where(p => p.Length == 2).ToList();
    var seconds = lines.LastOrDefault(p => p[0] == "seconds");
    var peak = lines.LastOrDefault(p => p[0] == "peak_kib");
    if (process.ExitCode != 0 || seconds is null || peak is null)
    {
        throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {output}");
    }

    return (double.Parse(seconds[1], CultureInfo.InvariantCulture), long.Parse(peak[1], CultureInfo.InvariantCulture) / 1024.0 * 1.048576);
}
