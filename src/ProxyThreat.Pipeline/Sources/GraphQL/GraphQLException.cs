using System.Net;

namespace ProxyThreat.Pipeline.Sources.GraphQL;

/// <summary>
/// A read from Spot's GraphQL API that failed: the server answered with errors, with a non-2xx status, with a
/// body that is not a GraphQL answer, or without the data asked for; or no answer came at all.
/// </summary>
public sealed class GraphQLException : Exception
{
    public GraphQLException(
        string operation,
        Uri endpoint,
        string message,
        HttpStatusCode? statusCode = null,
        IReadOnlyList<string>? serverErrors = null,
        Exception? innerException = null)
        : base($"GraphQL {operation} at {endpoint}: {message}", innerException)
    {
        Detail = message;
        Operation = operation;
        Endpoint = endpoint;
        StatusCode = statusCode;
        ServerErrors = serverErrors ?? [];
    }

    /// <summary>What went wrong, without the operation and endpoint the message begins with.</summary>
    public string Detail { get; }

    /// <summary>Which read failed, e.g. <c>threat.details</c>.</summary>
    public string Operation { get; }

    /// <summary>The endpoint asked, without any user information it was configured with.</summary>
    public Uri Endpoint { get; }

    /// <summary>The HTTP status of the answer, when one came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The server's own error messages, in its words.</summary>
    public IReadOnlyList<string> ServerErrors { get; }

    /// <summary>True when trying again may help: no answer, a timeout, a cut answer, or a 5xx status.</summary>
    public bool IsTransient { get; init; }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; internal set; } = 1;

    public override string Message => Attempts > 1 ? $"{base.Message} (gave up after {Attempts} attempts)" : base.Message;
}
