namespace ProxyThreat.Pipeline.Sources.GraphQL.Internal;

/// <summary>An element of <c>proxy.threats.comments</c>.</summary>
internal sealed record CommentRow(string? Uri, string? Title, string? Text);
