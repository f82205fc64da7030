using System.Text.Json;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>
/// Reads one element of a list in a GraphQL answer. The reader stands on the element's first token and holds
/// the whole element, though not always as the final block of its input (so <c>TrySkip</c>, not <c>Skip</c>);
/// the parser reads no further than its end.
/// </summary>
internal delegate T GraphQLRowParser<out T>(ref Utf8JsonReader reader);
