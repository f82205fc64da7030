namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>One WebHDFS operation on a path, as sent to a NameNode.</summary>
internal sealed record WebHdfsCall(string Operation, string Path, HttpMethod Method)
{
    /// <summary>The destination of a RENAME, for messages.</summary>
    public string? Destination { get; init; }

    /// <summary>Query parameters besides <c>op</c> and the credentials.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>The body sent to the NameNode itself (an HttpFS gateway's CREATE); null: none.</summary>
    public Func<Stream, CancellationToken, Task>? Body { get; init; }

    /// <summary>Hand the answer over once its headers are in, for bodies that are streamed.</summary>
    public bool StreamAnswer { get; init; }
}
