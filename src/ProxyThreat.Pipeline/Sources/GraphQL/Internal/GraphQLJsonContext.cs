using System.Text.Json.Serialization;

namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>Compiled JSON readers for the rows of the three reads; names are the schema's camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ScoredRow))]
[JsonSerializable(typeof(CommentRow))]
internal sealed partial class GraphQLJsonContext : JsonSerializerContext;
