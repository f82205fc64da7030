using Flurl.Http;

namespace ProxyThreat.Pipeline.Hdfs.WebHdfs.Internal;

/// <summary>The metadata calls, each retried on its own: GETFILESTATUS, LISTSTATUS, MKDIRS, RENAME, DELETE.</summary>
internal sealed class WebHdfsNamespace
{
    private readonly WebHdfsClient _client;

    public WebHdfsNamespace(WebHdfsClient client)
    {
        _client = client;
    }

    /// <summary>The status of a path; null when it does not exist.</summary>
    public Task<FileStatus?> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("GETFILESTATUS", path, HttpMethod.Get);
        return _client.RetryAsync(ct => NullIfMissingAsync(call, WebHdfsJson.ReadStatus, ct), cancellationToken);
    }

    /// <summary>The children of a directory; null when it does not exist. A file lists as itself, with an empty suffix.</summary>
    public Task<IReadOnlyList<FileStatus>?> ListAsync(string directory, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("LISTSTATUS", directory, HttpMethod.Get);
        return _client.RetryAsync(ct => NullIfMissingAsync(call, WebHdfsJson.ReadListing, ct), cancellationToken);
    }

    public async Task MkdirsAsync(string path, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("MKDIRS", path, HttpMethod.Put);
        var made = await _client.RetryAsync(async ct => WebHdfsJson.ReadBoolean(call, await SendForTextAsync(call, ct)), cancellationToken);
        if (!made)
        {
            throw WebHdfsFailure.Other(call, 200, "the server answered false", transient: false).ToException();
        }
    }

    /// <summary>
    /// One RENAME; true when it moved the file. With <paramref name="overwrite"/> a NameNode replaces an existing
    /// destination; an HttpFS gateway drops that option and answers false instead.
    /// </summary>
    public Task<bool> RenameAsync(string source, string destination, bool overwrite, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("RENAME", source, HttpMethod.Put)
        {
            Destination = destination,
            Parameters = overwrite
                ? [new("destination", destination), new("renameoptions", "OVERWRITE")]
                : [new("destination", destination)],
        };
        return _client.RetryAsync(async ct => WebHdfsJson.ReadBoolean(call, await SendForTextAsync(call, ct)), cancellationToken);
    }

    /// <summary>Deletes a file; true when there was one.</summary>
    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var call = new WebHdfsCall("DELETE", path, HttpMethod.Delete) { Parameters = [new("recursive", "false")] };
        return _client.RetryAsync(async ct => WebHdfsJson.ReadBoolean(call, await SendForTextAsync(call, ct)), cancellationToken);
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
        try
        {
            return await response.GetStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw WebHdfsFailure.Other(call, response.StatusCode, $"the answer broke off: {e.Message}", transient: true).ToException(e);
        }
    }
}
