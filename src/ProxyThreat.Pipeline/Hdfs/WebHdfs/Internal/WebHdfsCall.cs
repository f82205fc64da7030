namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>One WebHDFS operation on a path, as sent to a NameNode.</summary>
internal sealed record WebHdfsCall(string Operation, string Path, HttpMethod Method)
{
    /// <summary>The destination of a RENAME, for messages.</summary>
    public string? Destination { get; init; }

    /// <summary>Query parameters besides <c>op</c> and the credentials.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Makes the body for each try; null: no body.</summary>
    public Func<HttpContent>? Content { get; init; }

    /// <summary>Hand the answer over once its headers are in, for bodies that are streamed.</summary>
    public bool StreamAnswer { get; init; }
}
