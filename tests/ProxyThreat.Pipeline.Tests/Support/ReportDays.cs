using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Hdfs;
using ProxyThreat.Pipeline.Investigation;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Provenance;
using ProxyThreat.Pipeline.Report;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Selection;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Sources.Tables;
using ProxyThreat.Pipeline.Spot;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Tests.Support;

/// <summary>Days written by the real pipeline into a <see cref="SpotFolder"/>, and their reports read back and parsed.</summary>
internal static class ReportDays
{
    public static readonly DateTimeOffset MadeAt = new(2016, 7, 9, 6, 0, 0, TimeSpan.Zero);

    public static string Samples => Repository.Path("samples");

    /// <summary>Investigates the committed sample day, with its decisions, into <paramref name="output"/>.</summary>
    public static async Task<List<ThreatOutcome>> InvestigateSampleDayAsync(SpotFolder output)
    {
        var source = new TablesSource(new LocalHdfs(Path.Join(Samples, "hdfs")), output.Layout);
        var investigator = new Investigator(
            source,
            new SpotWriter(output.Hdfs, output.Layout, HdfsKind.Local),
            new SourceReadRecorder(Options.Create(new SourceOptions { Tables = { Root = Path.Join(Samples, "hdfs") } }), output.Layout),
            Options.Create(new InvestigationOptions()),
            TimeProvider.System,
            NullLogger<Investigator>.Instance);
        var decisions = await DecisionFile.LoadAsync(Path.Join(Samples, "decisions.jsonl"), CancellationToken.None);
        var outcomes = new List<ThreatOutcome>();
        await foreach (var outcome in investigator.InvestigateAsync(
            await ThreatSelection.ReadAsync(source, SpotFolder.Day, decisions, ThreatSelection.SeveritiesOf(new InvestigationOptions()), CancellationToken.None), InvestigationScope.All, CancellationToken.None))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>Writes one threat (scored 1) as the investigator would, from its expanded search, which it then disposes.</summary>
    public static async Task WriteThreatAsync(SpotFolder output, string uri, SearchRows rows, ThreatStory? story = null, int topResults = 20)
    {
        using (rows)
        {
            var analysis = ThreatAnalyzer.Analyze(uri, rows, new TimelineSettings(topResults, TimeSpan.FromSeconds(300)), HttpStatusNames.Default);
            await new SpotWriter(output.Hdfs, output.Layout, HdfsKind.Local).WriteAsync(SpotFolder.Day, story ?? ThreatStory.Resolve(null, null, SpotFolder.Day, analysis, 1, topResults), analysis, CancellationToken.None);
        }
    }

    public static async Task<Rendered> RenderAsync(SpotFolder output, DateTally? tally = null, int topResults = 20)
    {
        var reader = new ReportReader(output.Hdfs, output.Layout);
        var report = new DayReport(SpotFolder.Day, reader.Describe(SpotFolder.Day), await reader.ReadAsync(SpotFolder.Day, CancellationToken.None), tally, topResults, MadeAt);
        var bytes = ReportPage.Render(report);
        return new Rendered(report, bytes, new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(bytes)));
    }

    public static string ProgressionFile(SpotFolder output, string uri) =>
        Path.Join(output.Root, output.Layout.IncidentProgressionPath(SpotFolder.Day, uri));

    public sealed record Rendered(DayReport Report, byte[] Bytes, IHtmlDocument Document) : IDisposable
    {
        public void Dispose() => Document.Dispose();
    }
}
