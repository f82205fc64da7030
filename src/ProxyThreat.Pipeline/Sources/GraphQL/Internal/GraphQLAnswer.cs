namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>What a GraphQL answer said besides its rows.</summary>
/// <param name="Errors">The messages of its <c>errors</c>, in the server's words.</param>
/// <param name="MissingAt">Where the data asked for is null or absent (e.g. <c>data.proxy</c>), if it is.</param>
internal sealed record GraphQLAnswer(IReadOnlyList<string> Errors, string? MissingAt);
