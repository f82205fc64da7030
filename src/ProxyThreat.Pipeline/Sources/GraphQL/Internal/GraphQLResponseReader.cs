using System.Text.Json;

namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>
/// Reads a GraphQL answer (<c>{"data": ..., "errors": [...]}</c>, in either order) from a stream, handing the
/// elements of one list under <c>data</c> to a callback one by one as they arrive. Nothing but the current
/// element is buffered, so an answer of a million rows streams through.
/// </summary>
internal static class GraphQLResponseReader
{
    private const int MaxErrorsKept = 20;

    public static async Task<GraphQLAnswer> ReadListAsync(
        Stream body, IReadOnlyList<string> listPath, IGraphQLListSink sink, CancellationToken cancellationToken)
    {
        using var reader = new JsonStreamReader(body);
        if (!await reader.ReadTokenAsync(cancellationToken) || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the answer is not a JSON object");
        }

        IReadOnlyList<string> errors = [];
        string? missingAt = "data";
        while (await reader.ReadTokenAsync(cancellationToken) && reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (reader.Text)
            {
                case "data":
                    missingAt = await ReadObjectPathAsync(reader, listPath, 0, "data", sink, cancellationToken);
                    break;
                case "errors":
                    var (_, said) = await reader.ReadValueAsync(ParseErrors, cancellationToken);
                    errors = said ?? [];
                    break;
                default:
                    await reader.SkipValueAsync(cancellationToken);
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || await reader.ReadTokenAsync(cancellationToken))
        {
            throw new JsonException("the answer is not one JSON object");
        }

        return new GraphQLAnswer(errors, missingAt);
    }

    /// <summary>Reads the value at <paramref name="location"/>; answers where the list is missing, or null when it was read.</summary>
    private static async Task<string?> ReadObjectPathAsync(
        JsonStreamReader reader, IReadOnlyList<string> path, int depth, string location, IGraphQLListSink sink, CancellationToken cancellationToken)
    {
        if (depth == path.Count)
        {
            return await ReadListAsync(reader, location, sink, cancellationToken);
        }

        if (!await reader.ReadTokenAsync(cancellationToken))
        {
            throw new JsonException($"the answer ends at {location}");
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return location;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{location} is a {reader.TokenType}, not an object");
        }

        var missingAt = $"{location}.{path[depth]}";
        while (await reader.ReadTokenAsync(cancellationToken) && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.Text == path[depth])
            {
                missingAt = await ReadObjectPathAsync(reader, path, depth + 1, $"{location}.{path[depth]}", sink, cancellationToken);
            }
            else
            {
                await reader.SkipValueAsync(cancellationToken);
            }
        }

        return missingAt;
    }

    private static async Task<string?> ReadListAsync(
        JsonStreamReader reader, string location, IGraphQLListSink sink, CancellationToken cancellationToken)
    {
        if (!await reader.ReadTokenAsync(cancellationToken))
        {
            throw new JsonException($"the answer ends at {location}");
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return location;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"{location} is a {reader.TokenType}, not a list");
        }

        await reader.ReadElementsAsync(sink, cancellationToken);
        return null;
    }

    private static IReadOnlyList<string> ParseErrors(ref Utf8JsonReader reader)
    {
        using var errors = JsonDocument.ParseValue(ref reader);
        return MessagesOf(errors.RootElement);
    }

    /// <summary>The messages of an <c>errors</c> value, in the server's words; an error without one is quoted whole.</summary>
    public static IReadOnlyList<string> MessagesOf(JsonElement errors) => errors.ValueKind switch
    {
        JsonValueKind.Null => [],
        JsonValueKind.Array => errors.EnumerateArray()
            .Take(MaxErrorsKept)
            .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()!
                : e.GetRawText())
            .ToList(),
        _ => [errors.GetRawText()],
    };
}
