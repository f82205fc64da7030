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
/// scans per client) wrote for the same days, and every file must match byte for byte. The incident-progression
/// files' <c>provenance</c> says which source and which build wrote them: <c>Expected/</c> holds the tables source's,
/// with the worker's version as <see cref="IncidentJson.VersionToken"/>; the GraphQL source's says it read Spot's API.
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

        AssertExpected(seed, output, graphQLEndpoint: null);
    }

    [Theory]
    [MemberData(nameof(Days))]
    public async Task Investigate_GeneratedDayFromGraphQL_WritesTheExpectedFiles(int seed, int topResults, int gapSeconds)
    {
        var tables = Path.Join(_scratch, "tables");
        await GeneratedDay.WriteAsync(tables, seed);
        await using var graphql = await SpotGraphQLServer.StartAsync(new LocalHdfs(tables), new SpotLayout("/user/spot"));

        var output = await InvestigateAsync(["--Source:Kind=graphql", $"--Source:GraphQL:Endpoint={graphql.Endpoint}", $"--Source:GraphQL:SpillFolder={Path.Join(_scratch, "spill")}"], topResults, gapSeconds);

        AssertExpected(seed, output, graphql.Endpoint.Authority);
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
            $"--Investigation:TimelineGap={TimeSpan.FromSeconds(gapSeconds):c}",
        ]);
        using var host = WorkerHost.Build(command, services => services.AddSingleton<InvestigateCommand>());
        using var console = new StringWriter();
        var code = await host.Services.GetRequiredService<InvestigateCommand>().RunAsync(command, console, CancellationToken.None);
        Assert.True(code == 0, console.ToString());
        return output;
    }

    /// <param name="seed">The generated day.</param>
    /// <param name="output">The output root the worker wrote.</param>
    /// <param name="graphQLEndpoint">The API's host and port when the day was read through it; null for the tables source.</param>
    internal static void AssertExpected(int seed, string output, string? graphQLEndpoint)
    {
        var expectedFolder = Path.Join(Repository.Root, "tests", "ProxyThreat.EndToEnd.Tests", "Differential", "Expected", $"day-{seed}");
        var actual = Files(output).ToDictionary(f => f.Key, f => IncidentJson.IsIncidentProgression(f.Key) ? IncidentJson.WithVersionToken(f.Value) : f.Value, StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable(WriteExpectedVariable) == "1" && graphQLEndpoint is null)
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
            if (graphQLEndpoint is not null && IncidentJson.IsIncidentProgression(file))
            {
                AssertReadThroughTheApi(seed, file, bytes, actual[file], graphQLEndpoint);
                continue;
            }

            Assert.True(bytes.AsSpan().SequenceEqual(actual[file]), $"{file} differs from the expected output of day {seed}");
        }
    }

    /// <summary>Every key as the tables source wrote it, and a provenance that differs only in naming the API it read.</summary>
    private static void AssertReadThroughTheApi(int seed, string file, byte[] expected, byte[] actual, string endpoint)
    {
        Assert.True(IncidentJson.WithoutProvenance(expected).AsSpan().SequenceEqual(IncidentJson.WithoutProvenance(actual)), $"{file} differs from the expected output of day {seed}");
        var want = IncidentJson.Provenance(expected);
        var got = IncidentJson.Provenance(actual);
        Assert.Equal(
            $$"""{"kind":"graphql","endpoint":"{{endpoint}}","rows":{{want.GetProperty("source").GetProperty("rows").GetInt32()}}}""",
            got.GetProperty("source").GetRawText());
        foreach (var key in (string[])["story", "worker", "settings", "timeline"])
        {
            Assert.Equal(want.GetProperty(key).GetRawText(), got.GetProperty(key).GetRawText());
        }
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
