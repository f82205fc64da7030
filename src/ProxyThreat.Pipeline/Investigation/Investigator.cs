using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Decisions;
using ProxyThreat.Pipeline.Investigation.Internal;
using ProxyThreat.Pipeline.Notify;
using ProxyThreat.Pipeline.Output;
using ProxyThreat.Pipeline.Provenance;
using ProxyThreat.Pipeline.Selection;
using ProxyThreat.Pipeline.Sources;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Investigation;

/// <summary>
/// Investigates the selected threats of a date: their decisions, one expanded search for all of them, then
/// per threat (at most <c>MaxParallelThreats</c> at once) the pure analysis and the writes.
/// </summary>
public sealed class Investigator
{
    private readonly IThreatSource _source;
    private readonly SpotWriter _writer;
    private readonly SourceReadRecorder _reads;
    private readonly InvestigationOptions _options;
    private readonly IReadOnlyList<int> _severities;
    private readonly OutputSettings _settings;
    private readonly HttpStatusNames _statusNames;
    private readonly TimeProvider _time;
    private readonly ILogger<Investigator> _logger;

    public Investigator(IThreatSource source, SpotWriter writer, SourceReadRecorder reads, IOptions<InvestigationOptions> options, TimeProvider time, ILogger<Investigator> logger)
    {
        _source = source;
        _writer = writer;
        _reads = reads;
        _options = options.Value;
        _severities = ThreatSelection.SeveritiesOf(_options).Order().ToList();
        _settings = new OutputSettings(_severities, _options.TopResults, (int)_options.TimelineGap.TotalSeconds);
        _statusNames = HttpStatusNames.Default;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Yields one outcome per threat as each finishes. A failure of one threat is an outcome; a failure that
    /// concerns the whole date (its storyboard entries or its search) is thrown as a
    /// <see cref="DateFailedException"/> naming the threats not attempted.
    /// </summary>
    /// <param name="selection">The date's threats.</param>
    /// <param name="scope">Which threats, and whether to write.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async IAsyncEnumerable<ThreatOutcome> InvestigateAsync(ThreatSelection selection, InvestigationScope scope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(scope);
        var outcomes = Channel.CreateBounded<ThreatOutcome>(new BoundedChannelOptions(_options.MaxParallelThreats) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await ProduceAsync(selection, scope, outcomes.Writer, stop.Token);
                    outcomes.Writer.Complete();
                }
                catch (Exception ex)
                {
                    // Not swallowed: the reader below rethrows it, as a failure of the whole date.
                    outcomes.Writer.Complete(ex);
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var outcome in outcomes.Reader.ReadAllAsync(CancellationToken.None))
            {
                yield return outcome;
            }
        }
        finally
        {
            // A reader that stopped early must not leave the producer blocked on a full channel.
            await stop.CancelAsync();
            await producer;
        }
    }

    private async Task ProduceAsync(ThreatSelection selection, InvestigationScope scope, ChannelWriter<ThreatOutcome> outcomes, CancellationToken cancellationToken)
    {
        var date = selection.Date;
        var threats = selection.Threats
            .Where(t => scope.Uris.Count == 0 || scope.Uris.Contains(t.Uri))
            .ToList();
        Log.DateSelected(_logger, Day(date), threats.Count, selection.ScoredCount, selection.Decisions.Count);

        foreach (var missing in scope.Uris.Except(threats.Select(t => t.Uri), StringComparer.Ordinal))
        {
            Log.UriNotAThreat(_logger, missing, Day(date));
            await outcomes.WriteAsync(
                new ThreatOutcome(date, missing, ThreatStatus.Failed, 0, 0, TimeSpan.Zero, Error: new InvalidOperationException($"not scored with severity {string.Join(" or ", _severities)} on {date:yyyy-MM-dd}")),
                cancellationToken);
        }

        var done = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        async ValueTask EmitAsync(ThreatOutcome outcome, CancellationToken ct)
        {
            await outcomes.WriteAsync(outcome, ct);
            done[outcome.Uri] = true;
        }

        var failures = new FailureDigest();
        try
        {
            await InvestigateThreatsAsync(date, threats, scope, EmitAsync, failures, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failure of the whole date after its threats were known (their storyboard entries or their search):
            // the threats that got no outcome are named, so they are seen as not attempted rather than lost.
            throw new DateFailedException(date, threats.Select(t => t.Uri).Where(u => !done.ContainsKey(u)).ToList(), ex);
        }
        finally
        {
            foreach (var (reason, count) in failures.Repeated)
            {
                Log.ThreatsFailedAlike(_logger, count, Day(date), reason);
            }
        }
    }

    private async Task InvestigateThreatsAsync(
        DateOnly date,
        List<SelectedThreat> threats,
        InvestigationScope scope,
        Func<ThreatOutcome, CancellationToken, ValueTask> emitAsync,
        FailureDigest failures,
        CancellationToken cancellationToken)
    {
        if (threats.Count == 0)
        {
            return;
        }

        var entries = (await _source.GetStoryboardEntriesAsync(date, cancellationToken))
            .GroupBy(e => e.Uri, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

        var searched = new List<SelectedThreat>();
        foreach (var selected in threats)
        {
            var (uri, decision) = (selected.Uri, selected.Decision);
            if (decision?.Action == DecisionAction.Dismiss)
            {
                Log.ThreatDismissed(_logger, uri, Day(date));
                await emitAsync(new ThreatOutcome(date, uri, ThreatStatus.Dismissed, 0, 0, TimeSpan.Zero), cancellationToken);
            }
            else if (_options.MissingDecision == MissingDecisionPolicy.Skip && ThreatStory.IsMissing(decision, entries.GetValueOrDefault(uri)))
            {
                Log.ThreatSkipped(_logger, uri, Day(date));
                await emitAsync(new ThreatOutcome(date, uri, ThreatStatus.Skipped, 0, 0, TimeSpan.Zero), cancellationToken);
            }
            else
            {
                searched.Add(selected);
            }
        }

        if (searched.Count == 0)
        {
            return;
        }

        var proving = _time.GetTimestamp();
        if (!scope.DryRun && await HomeMissingAsync(cancellationToken) is { } missing)
        {
            // Nothing of the date can be written: each threat fails alike, without the search it would be written from.
            foreach (var selected in searched)
            {
                await emitAsync(Failed(date, selected.Uri, 0, missing, _time.GetElapsedTime(proving), failures), cancellationToken);
            }

            return;
        }

        var bySearch = searched.ToDictionary(t => t.Uri, StringComparer.Ordinal);
        var started = _time.GetTimestamp();
        var read = await _reads.RecordAsync(date, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelThreats, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(_source.SearchAsync(date, searched.Select(t => t.Uri).ToList(), cancellationToken), parallel, async (search, ct) =>
        {
            ThreatOutcome outcome;
            using (search)
            {
                var selected = bySearch[search.Uri];
                var threat = new Threat(search, selected.Severity, selected.Decision, entries.GetValueOrDefault(search.Uri), read);
                outcome = await InvestigateOneAsync(date, threat, scope.DryRun, started, failures, ct);
            }

            await emitAsync(outcome, ct);
        });
    }

    /// <summary>Why the date cannot be written (Spot's home is not in the output, or the output cannot say), or null.</summary>
    private async Task<Exception?> HomeMissingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _writer.RequireHomeAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<ThreatOutcome> InvestigateOneAsync(DateOnly date, Threat threat, bool dryRun, long searchStarted, FailureDigest failures, CancellationToken cancellationToken)
    {
        var search = threat.Search;
        if (search.Error is { } error)
        {
            // The search of all threats runs as one: a threat whose search failed took the search's time.
            return Failed(date, search.Uri, search.Rows.Count, error, _time.GetElapsedTime(searchStarted), failures);
        }

        var started = _time.GetTimestamp();
        try
        {
            var analysis = ThreatAnalyzer.Analyze(search.Uri, search.Rows, _options.Timeline, _statusNames);
            var story = ThreatStory.Resolve(threat.Decision, threat.Entry, date, analysis, threat.Severity, _options.TopResults);
            analysis.Provenance = new ThreatProvenance(
                threat.Read,
                analysis.RowCount,
                story.Origin,
                _settings,
                analysis.ClientCount,
                Math.Min(_options.TopResults, analysis.ClientCount),
                WorkerVersion.Current);
            if (!dryRun)
            {
                await _writer.WriteAsync(date, story, analysis, cancellationToken);
            }

            var elapsed = _time.GetElapsedTime(started);
            var status = dryRun ? ThreatStatus.DryRun : ThreatStatus.Written;
            Log.ThreatInvestigated(_logger, search.Uri, Day(date), status.Name(), analysis.RowCount, analysis.ClientCount, analysis.RequestCount, analysis.Timeline.Count, story.Origin.ToString().ToLowerInvariant(), (long)elapsed.TotalMilliseconds);
            var written = dryRun
                ? null
                : WrittenThreat.Of(date, threat.Severity, story, analysis, _writer.Locate(date, search.Uri, analysis.Timeline.Count > 0), _options.TopResults);
            return new ThreatOutcome(date, search.Uri, status, analysis.RowCount, analysis.ClientCount, elapsed, story.Origin, Written: written);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The boundary of one threat: whatever went wrong is its outcome, and the other threats go on.
            return Failed(date, search.Uri, search.Rows.Count, ex, _time.GetElapsedTime(started), failures);
        }
    }

    private ThreatOutcome Failed(DateOnly date, string uri, int rows, Exception error, TimeSpan elapsed, FailureDigest failures)
    {
        // One stack trace per kind of failure: when every threat fails alike (a read-only output), the rest are counted.
        if (failures.IsFirst(uri, error))
        {
            Log.ThreatFailed(_logger, error, uri, Day(date), (long)elapsed.TotalMilliseconds, error.Message);
        }
        else
        {
            Log.ThreatFailedAgain(_logger, uri, Day(date), (long)elapsed.TotalMilliseconds, error.Message);
        }

        return new ThreatOutcome(date, uri, ThreatStatus.Failed, rows, 0, elapsed, Error: error);
    }

    /// <summary>One threat's search with what its story and provenance need.</summary>
    private sealed record Threat(ExpandedSearch Search, int Severity, Decision? Decision, StoryboardEntry? Entry, SourceRead Read);
}
