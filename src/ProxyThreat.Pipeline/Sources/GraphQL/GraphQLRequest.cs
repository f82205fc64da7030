namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>
/// One GraphQL request: the query text and its variables. Values always travel as variables, never pasted
/// into the query text.
/// </summary>
/// <param name="Operation">A name for messages and logs (e.g. <c>threat.details</c>); it is not sent.</param>
internal sealed record GraphQLRequest(string Operation, string Query, IReadOnlyDictionary<string, string?> Variables);
