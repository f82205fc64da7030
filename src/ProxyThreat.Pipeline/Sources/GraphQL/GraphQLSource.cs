using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProxyThreat.Pipeline.Search;
using ProxyThreat.Pipeline.Sources.GraphQL.Internal;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>
/// Reads Spot's data through its GraphQL API, with the three queries of Spot's own notebook. Expanded
/// searches run one query per URI, <see cref="GraphQLSourceOptions.MaxParallelSearches"/> at once.
/// </summary>
public sealed class GraphQLSource : IThreatSource
{
    private readonly GraphQLHttpClient _client;
    private readonly int _maxParallelSearches;
    private readonly long _memoryBudget;
    private readonly SpillFolder _spill;

    /// <param name="client">The API's client.</param>
    /// <param name="options">The source's settings.</param>
    /// <param name="spill">Where searches past their memory budget keep their rows; files a crashed run left there are deleted now.</param>
    internal GraphQLSource(GraphQLHttpClient client, IOptions<GraphQLSourceOptions> options, SpillFolder spill)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(spill);
        _client = client;
        _maxParallelSearches = options.Value.MaxParallelSearches;
        _memoryBudget = options.Value.MemoryBudgetMiB * 1024L * 1024L;
        _spill = spill;
        spill.Sweep();
    }

    public async Task<IReadOnlyList<ScoredThreat>> GetScoredThreatsAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var rows = await _client.QueryListAsync(
            new GraphQLRequest("threats.list", SpotQueries.ScoredThreats, Variables(date)),
            SpotQueries.ScoredThreatsPath,
            static (ref Utf8JsonReader r) => JsonSerializer.Deserialize(ref r, GraphQLJsonContext.Default.ScoredRow),
            cancellationToken);

        // As the tables source: a row without a URI names no threat.
        return rows.Where(r => !string.IsNullOrEmpty(r.Uri)).Select(r => new ScoredThreat(r.Uri!, r.Score)).ToList();
    }

    public async Task<IReadOnlyList<StoryboardEntry>> GetStoryboardEntriesAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var rows = await _client.QueryListAsync(
            new GraphQLRequest("threats.comments", SpotQueries.Comments, Variables(date)),
            SpotQueries.CommentsPath,
            static (ref Utf8JsonReader r) => JsonSerializer.Deserialize(ref r, GraphQLJsonContext.Default.CommentRow),
            cancellationToken);
        return rows.Where(r => r.Uri is not null).Select(r => new StoryboardEntry(r.Uri!, r.Title, r.Text)).ToList();
    }

    public async IAsyncEnumerable<ExpandedSearch> SearchAsync(DateOnly date, IReadOnlyCollection<string> uris, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uris);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateBounded<ExpandedSearch>(new BoundedChannelOptions(_maxParallelSearches) { SingleReader = true });
        var searches = Parallel.ForEachAsync(
            uris.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = _maxParallelSearches, CancellationToken = stop.Token },
            async (uri, ct) => await results.Writer.WriteAsync(await SearchOneAsync(date, uri, ct), ct));
        var completion = searches.ContinueWith(
            t => results.Writer.TryComplete(t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException(stop.Token) : null)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken))
            {
                yield return result;
            }
        }
        finally
        {
            // The reader stopped early (or was cancelled): stop the searches still running and wait for them.
            await stop.CancelAsync();
            await completion;
        }
    }

    public async Task<string> CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var (type, fields) in SpotQueries.UsedFields)
        {
            var names = await _client.QueryListAsync(
                new GraphQLRequest($"schema {type}", SpotQueries.TypeFields, new Dictionary<string, string?> { ["name"] = type }),
                SpotQueries.TypeFieldsPath,
                static (ref Utf8JsonReader r) => FieldName(ref r),
                cancellationToken);
            var missing = fields.Except(names.OfType<string>(), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new GraphQLException($"schema {type}", _client.Endpoint, $"type {type} lacks the fields {string.Join(", ", missing)} that the worker queries; is this Spot's proxy API?");
            }
        }

        return $"{_client.Endpoint} answers, and its schema has every field the worker queries";
    }

    private static string? FieldName(ref Utf8JsonReader reader)
    {
        using var field = JsonDocument.ParseValue(ref reader);
        return field.RootElement.TryGetProperty("name", out var name) ? name.GetString() : null;
    }

    private async Task<ExpandedSearch> SearchOneAsync(DateOnly date, string uri, CancellationToken cancellationToken)
    {
        try
        {
            var details = await _client.QueryListAsync(
                new GraphQLRequest("threat.details", SpotQueries.Details, Variables(date, uri)),
                SpotQueries.DetailsPath,
                () => new DetailsSink(new SearchRows(_memoryBudget, _spill)),
                cancellationToken);
            return new ExpandedSearch(uri, details.Rows.Complete());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The per-URI boundary: whatever kept this URI from an answer becomes its result, and the other URIs go on.
            return ExpandedSearch.Failed(uri, ex);
        }
    }

    private static Dictionary<string, string?> Variables(DateOnly date, string? uri = null)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (uri is not null)
        {
            variables["uri"] = uri;
        }

        return variables;
    }

}
