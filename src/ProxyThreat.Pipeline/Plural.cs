using System.Globalization;

namespace ProxyThreat.Pipeline;

/// <summary>Counts in words for people: "1 request", "2 requests".</summary>
public static class Plural
{
    /// <summary>The count and the noun, with an s unless the count is one (regular nouns only).</summary>
    public static string Of(long count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
