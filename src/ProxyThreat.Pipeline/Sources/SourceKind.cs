namespace ProxyThreat.Pipeline.Sources;

/// <summary>Where Spot's data is read from (<c>Source:Kind</c>).</summary>
public enum SourceKind
{
    /// <summary>Spot's Hive tables read from a local folder standing for HDFS <c>/</c>.</summary>
    Tables,

    /// <summary>Spot's GraphQL API (<c>Source:GraphQL</c>), whose expanded search runs on Impala.</summary>
    GraphQL,
}
