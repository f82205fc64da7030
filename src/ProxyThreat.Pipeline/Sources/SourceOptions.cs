using ProxyThreat.Pipeline.Sources.Tables;

namespace ProxyThreat.Pipeline.Sources;

/// <summary>Configuration section <c>Source</c>.</summary>
public sealed class SourceOptions
{
    public const string Section = "Source";

    public SourceKind Kind { get; set; } = SourceKind.Tables;

    public TablesSourceOptions Tables { get; set; } = new();

    public GraphQL.GraphQLSourceOptions GraphQL { get; set; } = new();
}
