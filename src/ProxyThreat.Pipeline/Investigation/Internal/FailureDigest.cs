using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ProxyThreat.Pipeline.Investigation.Internal;

/// <summary>
/// Counts the threats of one date run that failed the same way, telling apart failures that differ only by the
/// threat (its URI, the MD5 in its file names, a temporary file's random name).
/// </summary>
internal sealed partial class FailureDigest
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Counts the failure; true when it is the first of its kind in the run.</summary>
    public bool IsFirst(string uri, Exception error) => _counts.AddOrUpdate(Reason(uri, error), 1, (_, n) => n + 1) == 1;

    /// <summary>Each kind of failure that more than one threat had, with how many had it.</summary>
    public IEnumerable<(string Reason, int Count)> Repeated =>
        _counts.Where(c => c.Value > 1).OrderByDescending(c => c.Value).Select(c => (c.Key, c.Value));

    private static string Reason(string uri, Exception error) =>
        $"{error.GetType().Name}: {Identifier().Replace(error.Message.Replace(uri, "<uri>", StringComparison.Ordinal), "…")}";

    // MD5s of URIs and the GUIDs of temporary names.
    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex Identifier();
}
