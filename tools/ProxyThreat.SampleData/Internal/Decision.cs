using System.Text.Json.Serialization;

namespace ProxyThreat.SampleData.Internal;

/// <summary>One line of <c>decisions.jsonl</c>: an analyst's decision on a threat, saved outside Spot.</summary>
internal sealed record Decision(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("action")] string Action);
