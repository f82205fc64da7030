using System.Runtime.CompilerServices;

// The GraphQL tests drive the client itself (its retries, its streamed parsing, its sinks), which the source hides.
[assembly: InternalsVisibleTo("ProxyThreat.Pipeline.GraphQL.Tests")]
