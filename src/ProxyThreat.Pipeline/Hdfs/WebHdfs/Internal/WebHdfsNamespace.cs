using Microsoft.Extensions.Logging;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>The metadata calls, each retried on its own: GETFILESTATUS, LISTSTATUS, MKDIRS, RENAME, DELETE.</summary>
internal sealed class WebHdfsNamespace
{
    private readonly WebHdfsClient _client;
    private readonly ILogger _logger;

    public WebHdfsNamespace(WebHdfsClient client, ILogger logger)
    {
        _client = client;
        _logger = logger;
    }

    /// <summary>The status of a path; null when it does not exist.</summary>
    public Task<FileStatus?> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("GETFILESTATUS", path, HttpMethod.Get);
        return _client.RetryAsync(call, ct => NullIfMissingAsync(call, WebHdfsJson.ReadStatus, ct), cancellationToken);
    }

    /// <summary>The children of a directory; null when it does not exist. A file lists as itself, with an empty suffix.</summary>
    public Task<IReadOnlyList<FileStatus>?> ListAsync(string directory, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("LISTSTATUS", directory, HttpMethod.Get);
        return _client.RetryAsync(call, ct => NullIfMissingAsync(call, WebHdfsJson.ReadListing, ct), cancellationToken);
    }

    public async Task MkdirsAsync(string path, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("MKDIRS", path, HttpMethod.Put);
        var made = await _client.RetryAsync(call, async ct => WebHdfsJson.ReadBoolean(call, await SendForTextAsync(call, ct)), cancellationToken);
        if (!made)
        {
            throw WebHdfsFailure.Other(call, 200, "the server answered false", transient: false).ToException();
        }
    }

    /// <summary>
    /// One RENAME of a file whose status was read just before; true when it moved the file. With
    /// <paramref name="overwrite"/> a NameNode replaces an existing destination; an HttpFS gateway drops that option
    /// and answers false instead.
    /// </summary>
    /// <remarks>
    /// A try whose answer was lost (a timeout, a cut connection) may have been applied: the retry then finds no
    /// source, and answers false (or, with OVERWRITE, FileNotFoundException). Such an answer to a retry is judged
    /// by the state the rename left: the source gone and the destination a file of the source's length is a
    /// rename that was done.
    /// </remarks>
    public Task<bool> RenameAsync(string source, FileStatus moving, string destination, bool overwrite, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("RENAME", source, HttpMethod.Put)
        {
            Destination = destination,
            Parameters = overwrite
                ? [new("destination", destination), new("renameoptions", "OVERWRITE")]
                : [new("destination", destination)],
        };
        var tries = 0;
        return _client.RetryAsync(
            call,
            async ct =>
            {
                var retried = ++tries > 1;
                bool moved;
                try
                {
                    moved = WebHdfsJson.ReadBoolean(call, await SendForTextAsync(call, ct));
                }
                catch (WebHdfsException e) when (retried && e.RemoteException == RemoteError.FileNotFound)
                {
                    if (await WasMovedAsync(source, moving, destination, ct))
                    {
                        return true;
                    }

                    throw;
                }

                return moved || (retried && await WasMovedAsync(source, moving, destination, ct));
            },
            cancellationToken);
    }

    /// <summary>Deletes a file; true when there was one.</summary>
    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("DELETE", path, HttpMethod.Delete) { Parameters = [new("recursive", "false")] };
        return _client.RetryAsync(call, async ct => WebHdfsJson.ReadBoolean(call, await SendForTextAsync(call, ct)), cancellationToken);
    }

    private async Task<bool> WasMovedAsync(string source, FileStatus moving, string destination, CancellationToken cancellationToken)
    {
        if (await GetStatusAsync(source, cancellationToken) is not null
            || await GetStatusAsync(destination, cancellationToken) is not { IsDirectory: false } moved
            || moved.Length != moving.Length)
        {
            return false;
        }

        Log.WebHdfsRenameFoundDone(_logger, source, destination, moving.Length);
        return true;
    }

    private async Task<T?> NullIfMissingAsync<T>(WebHdfsCall call, Func<WebHdfsCall, string, T> read, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return read(call, await SendForTextAsync(call, cancellationToken));
        }
        catch (WebHdfsException e) when (e.RemoteException == RemoteError.FileNotFound)
        {
            return null;
        }
    }

    private async Task<string> SendForTextAsync(WebHdfsCall call, CancellationToken cancellationToken)
    {
        using var response = await _client.SendAsync(call, cancellationToken);
        return await WebHdfsClient.ReadTextAsync(call, response, cancellationToken);
    }
}
