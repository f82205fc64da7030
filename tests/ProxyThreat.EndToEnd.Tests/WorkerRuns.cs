using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.WebHdfs.Tests.Emulator;
using ProxyThreat.Worker;
using ProxyThreat.Worker.Cli;

namespace ProxyThreat.EndToEnd.Tests;

/// <summary>Runs the worker on the committed sample day, in this process or as a process of its own.</summary>
internal static class WorkerRuns
{
    private static readonly string Samples = Path.Join(Repository.Root, "samples");

    public static string SampleTables { get; } = Path.Join(Samples, "hdfs");

    /// <summary>A real GraphQL server answering from the sample day's tables.</summary>
    public static Task<SpotGraphQLServer> StartSpotAsync() =>
        SpotGraphQLServer.StartAsync(new LocalHdfs(SampleTables), new SpotLayout("/user/spot"));

    public static string[] Production(SpotGraphQLServer graphql, WebHdfsEmulator webhdfs, bool httpFs) =>
    [
        "--Source:Kind=graphql",
        $"--Source:GraphQL:Endpoint={graphql.Endpoint}",
        "--Hdfs:Kind=webhdfs",
        $"--Hdfs:WebHdfs:NameNodes:0={webhdfs.NameNode}",
        "--Hdfs:WebHdfs:User=spot",
        $"--Hdfs:WebHdfs:Gateway={(httpFs ? "httpfs" : "webhdfs")}",
    ];

    public static async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        var command = CommandLine.Parse(WithSample(args));
        using var host = WorkerHost.Build(command, services => services.AddSingleton<InvestigateCommand>().AddSingleton<CheckCommand>().AddSingleton<ReportCommand>().AddSingleton<StatusCommand>());
        using var output = new StringWriter();
        var code = command.Verb switch
        {
            Verb.Check => await host.Services.GetRequiredService<CheckCommand>().RunAsync(output, CancellationToken.None),
            Verb.Report => await host.Services.GetRequiredService<ReportCommand>().RunAsync(command, output, CancellationToken.None),
            Verb.Status => await host.Services.GetRequiredService<StatusCommand>().RunAsync(command, output, CancellationToken.None),
            _ => await host.Services.GetRequiredService<InvestigateCommand>().RunAsync(command, output, CancellationToken.None),
        };
        return (code, output.ToString());
    }

    /// <summary>Starts the built worker executable; its standard error goes line by line to <paramref name="onError"/>, its output nowhere.</summary>
    public static Process Start(string[] args, Action<string>? onError = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Executable());
        foreach (var arg in WithSample(args))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => onError?.Invoke(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Runs the built worker to its end and captures what it prints; journaled, as systemd runs it with standard
    /// error on the journal (<c>JOURNAL_STREAM</c> holding that stream's device and inode).
    /// </summary>
    public static async Task<(int Code, string Output, string Error)> RunProcessAsync(string[] args, bool journaled)
    {
        var start = journaled
            ? new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2) exec dotnet \"$@\"", "sh" } }
            : new ProcessStartInfo("dotnet");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Remove("JOURNAL_STREAM");
        start.ArgumentList.Add(Executable());
        foreach (var arg in WithSample(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The per-threat lines, without the total's output location, which names each output's own root.</summary>
    public static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("total", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every file under a folder, by its path relative to it.</summary>
    public static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    /// <summary>
    /// The worker as its own project built it, in the configuration this test was built in: this project runs on
    /// the ASP.NET Core framework, so its output folder lacks libraries the worker's own runtime needs.
    /// </summary>
    private static string Executable()
    {
        var build = Path.GetRelativePath(Path.Join(Repository.Root, "tests", "ProxyThreat.EndToEnd.Tests", "bin"), AppContext.BaseDirectory);
        return Path.Join(Repository.Root, "src", "ProxyThreat.Worker", "bin", build, "proxythreat.dll");
    }

    /// <summary>The verb, the sample's tables and decisions, then the test's own settings, which win over them.</summary>
    private static string[] WithSample(string[] args) =>
    [
        args[0],
        $"--Source:Tables:Root={SampleTables}",
        $"--Investigation:DecisionsPath={Path.Join(Samples, "decisions.jsonl")}",
        .. args[1..],
    ];
}
