namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>A request as <see cref="SpotGraphQLServer"/> received it, with what the executor thought of it.</summary>
/// <param name="Body">The raw JSON body.</param>
/// <param name="Query">The query text.</param>
/// <param name="Variables">The variables, as text.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="ValidationErrors">The executor's validation errors against Spot's schema; empty when valid.</param>
public sealed record CapturedRequest(
    string Body,
    string? Query,
    IReadOnlyDictionary<string, string?> Variables,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> ValidationErrors);
