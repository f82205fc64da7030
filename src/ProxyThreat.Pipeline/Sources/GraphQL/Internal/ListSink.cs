using System.Text.Json;

namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>Collects the elements of a list, each parsed once it has arrived whole.</summary>
internal sealed class ListSink<T> : IGraphQLListSink
{
    private readonly GraphQLRowParser<T?> _parse;

    public ListSink(GraphQLRowParser<T?> parse)
    {
        _parse = parse;
    }

    public List<T> Rows { get; } = [];

    public int Count => Rows.Count;

    public bool TryRead(ref Utf8JsonReader reader)
    {
        var end = reader;
        if (!end.TrySkip())
        {
            return false;
        }

        if (_parse(ref reader) is { } row)
        {
            Rows.Add(row);
        }

        // Wherever the parser stopped, the element ends where the skip did.
        reader = end;
        return true;
    }
}
