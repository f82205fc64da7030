using System.Text.Json;
using ProxyThreat.Pipeline.Analysis;
using ProxyThreat.Pipeline.Story;

namespace ProxyThreat.Pipeline.Report.Internal;

/// <summary>Reads back an incident-progression file: the worker's own (with <c>counts</c> and <c>origin</c>) or Spot's.</summary>
internal static class IncidentProgressionReader
{
    /// <exception cref="InvalidDataException">The file is not JSON, or not an incident-progression file.</exception>
    public static async Task<(ProgressionSummary Summary, StoryOrigin? Origin)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return Read(json.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"not an incident-progression file: {ex.Message}", ex);
        }
    }

    private static (ProgressionSummary, StoryOrigin?) Read(JsonElement root)
    {
        var requests = root.GetProperty("requests");
        var refererFor = root.GetProperty("referer_for").EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList();
        StoryOrigin? origin = root.TryGetProperty("origin", out var o) && Enum.TryParse<StoryOrigin>(o.GetString(), ignoreCase: true, out var parsed)
            ? parsed
            : null;

        if (root.TryGetProperty("counts", out var counts))
        {
            return (new ProgressionSummary(
                counts.GetProperty("rows").GetInt32(),
                requests.GetArrayLength(),
                refererFor,
                Counts(counts, "clientip"),
                Counts(counts, "reqmethod"),
                Counts(counts, "resconttype"),
                Counts(counts, "referer"),
                CountedOverRequestsOnly: false), origin);
        }

        // Spot's notebook wrote only the requests to the URI: count those.
        var rows = requests.EnumerateArray().ToList();
        return (new ProgressionSummary(
            rows.Count,
            rows.Count,
            refererFor,
            Count(rows, "clientip"),
            Count(rows, "reqmethod"),
            Count(rows, "resconttype"),
            Count(rows, "referer"),
            CountedOverRequestsOnly: true), origin);
    }

    private static List<CountedValue> Counts(JsonElement counts, string name) =>
        counts.GetProperty(name).EnumerateArray()
            .Select(c => new CountedValue(c.GetProperty("value").GetString(), c.GetProperty("requests").GetInt32()))
            .ToList();

    /// <summary>Requests per value, most first, as the worker orders its own counts.</summary>
    private static List<CountedValue> Count(List<JsonElement> rows, string field) =>
        rows.GroupBy(r => r.TryGetProperty(field, out var v) ? v.GetString() : null)
            .Select(g => new CountedValue(g.Key, g.Count()))
            .OrderByDescending(c => c.Requests)
            .ThenBy(c => c.Value is null)
            .ThenBy(c => c.Value, StringComparer.Ordinal)
            .ToList();
}
