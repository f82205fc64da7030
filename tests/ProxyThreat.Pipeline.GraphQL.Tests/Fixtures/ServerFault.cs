namespace ProxyThreat.Pipeline.GraphQL.Tests.Fixtures;

/// <summary>How <see cref="SpotGraphQLServer"/> misbehaves on the requests chosen for a fault.</summary>
public enum ServerFault
{
    /// <summary>Answers as Spot would.</summary>
    None,

    /// <summary>500 with a plain-text body.</summary>
    Status500,

    /// <summary>400 with a GraphQL errors body.</summary>
    Status400,

    /// <summary>Waits <see cref="SpotGraphQLServer.SlowDelay"/> before answering.</summary>
    Slow,

    /// <summary>Writes half the answer, then aborts the connection.</summary>
    CutMidBody,

    /// <summary>200 with the first half of the answer only, ended cleanly (as a proxy or a crashed worker behind it sends).</summary>
    TruncatedBody,

    /// <summary>200 with an HTML page instead of JSON.</summary>
    MalformedBody,

    /// <summary>200 with <c>{"data": {"proxy": null}}</c> and no errors.</summary>
    NullProxy,

    /// <summary>200 with <c>errors</c> first, then <c>data</c> null.</summary>
    GraphQLError,

    /// <summary>200 with the real data first, then <c>errors</c>.</summary>
    ErrorsAfterData,
}
