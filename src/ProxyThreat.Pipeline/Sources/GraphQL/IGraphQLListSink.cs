using System.Text.Json;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>
/// Takes the elements of the list a query reads, one by one as the answer streams in. Each attempt of a query
/// gets a sink of its own; a sink that is <see cref="IDisposable"/> is disposed when its attempt fails.
/// </summary>
internal interface IGraphQLListSink
{
    /// <summary>How many elements it took.</summary>
    int Count { get; }

    /// <summary>
    /// Reads one element; the reader stands on its first token (never <c>null</c>), over a part of the answer.
    /// Answers false when that part ends before the element does: the element is then offered again, whole,
    /// once more of the answer has arrived, so a sink keeps nothing of an element until it has read all of it.
    /// </summary>
    bool TryRead(ref Utf8JsonReader reader);
}
