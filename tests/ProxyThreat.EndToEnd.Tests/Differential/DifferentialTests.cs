using Microsoft.Extensions.DependencyInjection;
using ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Worker;
using ProxyThreat.Worker.Cli;

namespace ProxyThreat.EndToEnd.Tests.Differential;

/// <summary>
/// The expanded search and analysis, run over generated days through either source, write exactly the files the
/// worker wrote before they were rebuilt for speed: <c>Expected/</c> holds what the earlier implementation (row objects, sorts and
/// scans per client) wrote for the same days, and every file must match byte for byte.
/// </summary>
public sealed class DifferentialTests : IDisposable
{
    /// <summary>Set to write <c>Expected/</c> afresh from the code under test (the test then fails, to be rerun).</summary>
    private const string WriteExpectedVariable = "DIFFERENTIAL_WRITE_EXPECTED";

    private readonly string _scratch = Path.Join(Path.GetTempPath(), "proxythreat-differential", Guid.NewGuid().ToString("N"));

    public static TheoryData<int, int, int> Days => new()
    {
        { 1, 20, 300 },
        { 2, 2, 0 },
        { 3, 2000, 60 },
        { 4, 1, 300 },
    };

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Investigate_GeneratedDayFromTables_WritesTheExpectedFiles(int seed, int topResults, int gapSeconds)
    {
        var tables = Path.Join(_scratch, "tables");
        await GeneratedDay.WriteAsync(tables, seed);

        var output = await InvestigateAsync([$"--Source:Tables:Root={tables}"], topResults, gapSeconds);

        AssertExpected(seed, output);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Investigate_GeneratedDayFromGraphQL_WritesTheExpectedFiles(int seed, int topResults, int gapSeconds)
    {
        var tables = Path.Join(_scratch, "tables");
        await GeneratedDay.WriteAsync(tables, seed);
        await using var graphql = await SpotGraphQLServer.StartAsync(new LocalHdfs(tables), new SpotLayout("/user/spot"));

        var output = await InvestigateAsync(["--Source:Kind=graphql", $"--Source:GraphQL:Endpoint={graphql.Endpoint}", $"--Source:GraphQL:SpillFolder={Path.Join(_scratch, "spill")}"], topResults, gapSeconds);

        AssertExpected(seed, output);
    }

    internal async Task<string> InvestigateAsync(string[] source, int topResults, int gapSeconds)
    {
        var output = Path.Join(_scratch, "out");
        var command = CommandLine.Parse(
        [
            "investigate", "--date", "2016-07-08",
            .. source,
            $"--Hdfs:Local:Root={output}",
            $"--State:Path={Path.Join(_scratch, "ledger.db")}",
            "--Investigation:DecisionsPath=",
            $"--Investigation:TopResults={topResults}",
            $"--Investigation:TimelineGapSeconds={gapSeconds}",
        ]);
        using var host = WorkerHost.Build(command, services => services.AddSingleton<InvestigateCommand>());
        using var console = new StringWriter();
        var code = await host.Services.GetRequiredService<InvestigateCommand>().RunAsync(command, console, CancellationToken.None);
        Assert.True(code == 0, console.ToString());
        return output;
    }

    internal static void AssertExpected(int seed, string output)
    {
        var expectedFolder = Path.Join(Repository.Root, "tests", "ProxyThreat.EndToEnd.Tests", "Differential", "Expected", $"day-{seed}");
        var actual = Files(output);
        if (Environment.GetEnvironmentVariable(WriteExpectedVariable) == "1")
        {
            if (Directory.Exists(expectedFolder))
            {
                Directory.Delete(expectedFolder, recursive: true);
            }

            foreach (var (file, bytes) in actual)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Join(expectedFolder, file))!);
                File.WriteAllBytes(Path.Join(expectedFolder, file), bytes);
            }

            Assert.Fail($"wrote {actual.Count} expected files to {expectedFolder}; unset {WriteExpectedVariable} and run again");
        }

        var expected = Files(expectedFolder);
        Assert.True(expected.Count >= 7, $"{expectedFolder} holds {expected.Count} files");
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{file} differs from the expected output of day {seed}");
        }
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
